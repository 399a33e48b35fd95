// The verification page's one script. The form works without it (a plain POST); with it, a file can be
// dropped on the form, a file over the size limit is refused before it is sent, and a large upload shows
// its progress. Its messages come from the page (data- attributes), in the page's language.
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
  document.getElementById('drop-hint').hidden = false;

  function say(text) {
    status.textContent = text;
  }

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
    if (file.size > max) {
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
