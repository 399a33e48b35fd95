// The verification page's one script. The form works without it (a plain POST); with it, a file can be
// dropped on the form, a file over the size limit is refused before it is sent, and a large upload shows
// its progress, and the input for a detached XML signature's content is shown only when the chosen
// document is one (it references files outside itself), naming them. Its messages come from the page
// (data- attributes), in the page's language.
'use strict';
(function () {
  const form = document.getElementById('upload');
  if (!form) {
    return;
  }
  const input = document.getElementById('document');
  const drop = document.getElementById('drop');
  const progress = document.getElementById('progress');
  const status = document.getElementById('status');
  const button = document.getElementById('submit');
  const max = Number(form.dataset.maxBytes);
  const detachedPart = document.getElementById('detached-part');
  const detachedInput = document.getElementById('detached');
  const detachedFound = document.getElementById('detached-found');
  document.getElementById('drop-hint').hidden = false;
  detachedPart.hidden = true;

  function say(text) {
    status.textContent = text;
  }

  // The files a signature's references name outside the document: neither "" (the whole document)
  // nor "#id" (an element of it). Read in this browser only; the server checks again what it receives.
  function externalReferences(text) {
    const xml = new DOMParser().parseFromString(text, 'application/xml');
    const names = [];
    // Any namespace: an element called Reference that is not XMLDSig's only shows the input for nothing.
    for (const reference of xml.getElementsByTagNameNS('*', 'Reference')) {
      const uri = reference.getAttribute('URI');
      if (uri && !uri.startsWith('#')) {
        let name = uri;
        try {
          name = decodeURIComponent(uri);
        } catch (e) {
          // Not percent-encoded UTF-8: show the URI as written.
        }
        if (!names.includes(name)) {
          names.push(name);
        }
      }
    }
    return names;
  }

  function showDetached(names) {
    detachedPart.hidden = names.length === 0;
    detachedFound.hidden = names.length === 0;
    if (names.length === 0) {
      detachedInput.value = '';
      detachedFound.textContent = '';
    } else {
      detachedFound.textContent = detachedPart.dataset.found.replace('%FILES%', names.join(', '));
    }
  }

  async function documentChosen() {
    const file = input.files[0];
    const xml = file && (/\.xml$/i.test(file.name) || /xml/.test(file.type));
    // A signature file is small; a large XML is read by the server only.
    showDetached(xml && file.size <= 16 * 1024 * 1024 ? externalReferences(await file.text()) : []);
  }

  input.addEventListener('change', () => {
    documentChosen().catch(() => showDetached([]));
  });

  ['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add('over');
  }));
  ['dragleave', 'drop'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('over')));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
      say(input.files[0].name);
      documentChosen().catch(() => showDetached([]));
    }
  });

  // An error page from the server is the form again with the message in #error: show that message here.
  function serverMessage(html) {
    const page = new DOMParser().parseFromString(html, 'text/html');
    const error = page.getElementById('error');
    return error ? error.textContent : null;
  }

  form.addEventListener('submit', (event) => {
    const file = input.files[0];
    if (!file) {
      event.preventDefault();
      say(form.dataset.noFile);
      input.focus();
      return;
    }
    const total = Array.from(detachedInput.files).reduce((sum, f) => sum + f.size, file.size);
    if (total > max) {
      event.preventDefault();
      say(form.dataset.tooLarge);
      input.focus();
      return;
    }
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
      }
    });
    request.upload.addEventListener('load', () => {
      progress.removeAttribute('value');
      say(form.dataset.uploaded);
    });
    request.addEventListener('load', () => {
      progress.hidden = true;
      button.disabled = false;
      if (request.status === 200 && request.responseURL) {
        // The server answered 303 to the result, which the request followed: show it as a page of its own.
        window.location.assign(request.responseURL);
        return;
      }
      say(serverMessage(request.responseText) || form.dataset.failed);
      input.focus();
    });
    request.addEventListener('error', () => {
      progress.hidden = true;
      button.disabled = false;
      say(form.dataset.failed);
    });
    progress.hidden = false;
    progress.value = 0;
    button.disabled = true;
    say(form.dataset.uploading);
    request.send(new FormData(form));
  });
}());
