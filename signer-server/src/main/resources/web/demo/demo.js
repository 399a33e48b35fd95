// The demo e-office page: finds the signing agent, lists the officer's certificates, and signs the
// sample công văn twice through split signing: the officer personally, then the clerk with the seal.
(function () {
  'use strict';
  var state = {agent: null, signed: null, settings: null, certificates: []};

  function $(id) {
    return document.getElementById(id);
  }

  function say(id, text, kind) {
    var element = $(id);
    element.textContent = text;
    element.className = kind || '';
  }

  function commonName(subject) {
    var match = /(?:^|,\s*)CN=([^,]+)/.exec(subject);
    return match ? match[1] : subject;
  }

  function fill(select, certificates) {
    select.textContent = '';
    certificates.forEach(function (certificate) {
      var option = document.createElement('option');
      option.value = certificate.id;
      option.textContent = commonName(certificate.subject) + ' — ' + commonName(certificate.issuer);
      select.appendChild(option);
    });
  }

  function chosen(select) {
    return state.certificates.find(function (c) {
      return c.id === $(select).value;
    });
  }

  function failed(error) {
    var text = (error.code ? error.code + ': ' : '') + error.message;
    say('result', text, 'error');
    document.body.dataset.error = error.code || 'ERROR';
  }

  async function sign(step, file, certificate, appearance) {
    delete document.body.dataset.error;
    say('result', 'Đang chờ xác nhận trên máy của bạn… / Waiting for your confirmation in signer agent…');
    var blob = await state.agent.signWithServer({
      server: location.origin, profile: state.settings.profile, file: file, name: 'cong-van-mau.pdf',
      certificate: certificate, appearance: appearance, apiKey: $('api-key').value
    });
    state.signed = blob;
    var link = $('download');
    if (link.href) {
      URL.revokeObjectURL(link.href);
    }
    link.href = URL.createObjectURL(blob);
    link.hidden = false;
    say('result', 'Đã ký (' + step + '): ' + blob.signature.signer + ', ' + blob.signature.level + ', '
        + blob.signature.signingTime, 'ok');
    document.body.dataset.signed = step;
  }

  async function approve() {
    var certificate = chosen('officer-certificate');
    var source = await fetch('/demo/document.pdf');
    await sign('personal', await source.blob(), certificate,
        {appearance: 'personal', anchor: commonName(certificate.subject)});
    $('issue').disabled = false;
  }

  async function issue() {
    await sign('organisation', state.signed, chosen('organisation-certificate'),
        {appearance: 'organisation', docNumber: $('doc-number').value, issuedDate: $('issued-date').value});
  }

  async function start() {
    $('issued-date').value = new Date().toISOString().slice(0, 10);
    state.settings = await (await fetch('/demo/settings.json')).json();
    try {
      state.agent = await SignerAgent.find({url: state.settings.agent});
      state.certificates = await state.agent.certificates();
    } catch (error) {
      say('agent-status', (error.code || '') + ': ' + error.message, 'error');
      document.body.dataset.agent = error.code || 'ERROR';
      return;
    }
    say('agent-status', 'signer agent ' + state.agent.version + ': ' + state.certificates.length
        + ' chứng thư số / certificate(s)', 'ok');
    fill($('officer-certificate'), state.certificates);
    fill($('organisation-certificate'), state.certificates);
    if (state.certificates.length > 1) {
      $('organisation-certificate').selectedIndex = 1;
    }
    $('approve').disabled = false;
    document.body.dataset.agent = 'found';
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('approve').addEventListener('click', function () {
      approve().catch(failed);
    });
    $('issue').addEventListener('click', function () {
      issue().catch(failed);
    });
    start().catch(failed);
  });
})();
