/*
 * signer-agent.js: sign from a web page with the officer's own token, through the signing agent
 * (`signer agent`) on the officer's computer and split signing on signer-server. One file, no build
 * step, no dependencies; served by signer-server at /signer-agent.js.
 *
 *   const agent = await SignerAgent.find();                   // https://127.0.0.1:8987
 *   const [certificate] = await agent.certificates();
 *   const pdf = await agent.signWithServer({server: 'https://signer.example.gov.vn', profile: 'web',
 *       file, certificate, appearance: {appearance: 'personal', anchor: 'Đặng Thị Phượng'}});
 *
 * Errors are SignerAgentError with a code: AGENT_NOT_RUNNING (no agent answered: it is not running,
 * or this browser does not trust its certificate yet; a page cannot tell the two apart, because fetch
 * reports a refused connection and a refused TLS certificate as the same TypeError, so
 * error.maybeCertificateNotTrusted is true and error.trustUrl is the page to open once), FORBIDDEN (this
 * page's origin is not on the agent's allow-list), CANCELLED (the person refused, cancelled or did not
 * answer), BUSY, TOKEN_MISSING, PIN_LOCKED, PIN_REFUSED, BAD_REQUEST; SESSION_EXPIRED, SESSION_UNKNOWN,
 * SIGNATURE_VALUE_REFUSED, CERTIFICATE_REFUSED and the other codes of signer-server's answers;
 * SERVER_UNREACHABLE when the server does not answer.
 */
(function (global) {
  'use strict';

  var DEFAULT_AGENT = 'https://127.0.0.1:8987';

  function SignerAgentError(code, message, status) {
    var error = new Error(message || code);
    Object.setPrototypeOf(error, SignerAgentError.prototype);
    error.name = 'SignerAgentError';
    error.code = code;
    error.status = status || 0;
    return error;
  }
  SignerAgentError.prototype = Object.create(Error.prototype);
  SignerAgentError.prototype.constructor = SignerAgentError;

  function base64(bytes) {
    var text = '';
    var array = new Uint8Array(bytes);
    for (var i = 0; i < array.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, array.subarray(i, i + 0x8000));
    }
    return btoa(text);
  }

  function hex(bytes) {
    return Array.prototype.map.call(new Uint8Array(bytes), function (b) {
      return (b < 16 ? '0' : '') + b.toString(16);
    }).join('');
  }

  /** The error a JSON answer carries: the agent's {error: {code, message}} or the server's {error, message}. */
  async function failure(response, fallback) {
    var body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    var error = body && body.error;
    if (error && typeof error === 'object') {
      return SignerAgentError(error.code || fallback, error.message, response.status);
    }
    if (typeof error === 'string') {
      return SignerAgentError(error, body.message, response.status);
    }
    return SignerAgentError(fallback, 'HTTP ' + response.status, response.status);
  }

  function Agent(url, info) {
    this.url = url;
    this.version = info.version;
    this.api = info.api;
  }

  /** Calls the agent; a network failure is AGENT_NOT_RUNNING (or an untrusted certificate, see above). */
  Agent.prototype.call = async function (path, init) {
    var response;
    try {
      response = await fetch(this.url + path, Object.assign({mode: 'cors', credentials: 'omit', cache: 'no-store'}, init));
    } catch (e) {
      throw notReachable(this.url);
    }
    if (!response.ok) {
      throw await failure(response, 'AGENT_FAILED');
    }
    return response.json();
  };

  /** The certificates of the officer's keys: [{id, subject, issuer, serial, notBefore, notAfter, chain}]. */
  Agent.prototype.certificates = async function () {
    return (await this.call('/v1/certificates', {method: 'GET'})).certificates;
  };

  /**
   * Asks the person to sign prepared data (what /v1/sign/prepare answered) with {@code certificate};
   * {@code document} is what the page states about it ({name, number, mode, sha256}), shown as such.
   */
  Agent.prototype.sign = async function (certificate, prepared, document) {
    var answer = await this.call('/v1/sign', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({
        certificate: typeof certificate === 'string' ? certificate : certificate.id,
        digestAlgorithm: prepared.digestAlgorithm,
        dataToSign: prepared.dataToSign,
        signatureAlgorithm: prepared.signatureAlgorithm,
        document: document || {}
      })
    });
    return answer.signatureValue;
  };

  /**
   * Prepare on the server, sign on the agent, complete on the server: the signed document as a Blob,
   * with blob.signature = {level, signer, signingTime, documentSha256} from the server's headers.
   *
   * options: server (its base URL), profile (a keyless profile), file (a File or Blob; name from
   * options.name or file.name), certificate (from certificates()), appearance (the Decree 30 options
   * the profile allows: appearance, docNumber, issuedDate, anchor; and reason, location), apiKey (when
   * the page calls the server with a key; an e-office usually goes through its own back end instead),
   * credentials (fetch's, default 'same-origin').
   */
  Agent.prototype.signWithServer = async function (options) {
    var server = String(options.server || '').replace(/\/+$/, '');
    var file = options.file;
    var name = options.name || file.name || 'document.pdf';
    var certificate = options.certificate;
    var appearance = options.appearance || {};
    var query = new URLSearchParams({profile: options.profile});
    Object.keys(appearance).forEach(function (key) {
      if (appearance[key] !== undefined && appearance[key] !== null && appearance[key] !== '') {
        query.set(key, appearance[key]);
      }
    });
    var headers = options.apiKey ? {'Authorization': 'Bearer ' + options.apiKey} : {};
    var form = new FormData();
    form.append('document', file, name);
    form.append('certificate', new Blob([certificate.chain.join('')], {type: 'application/x-pem-file'}), 'chain.pem');
    var prepared = await callServer(server + '/v1/sign/prepare?' + query, {method: 'POST', headers: headers, body: form,
      credentials: options.credentials || 'same-origin'});
    prepared = await prepared.json();
    var digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    var signatureValue = await this.sign(certificate, prepared, {
      name: name, number: appearance.docNumber || null, mode: appearance.appearance || null, sha256: hex(digest)
    });
    var completed = await callServer(server + '/v1/sign/complete', {
      method: 'POST',
      headers: Object.assign({'Content-Type': 'application/json'}, headers),
      body: JSON.stringify({session: prepared.session, signatureValue: signatureValue}),
      credentials: options.credentials || 'same-origin'
    });
    var blob = await completed.blob();
    blob.signature = {
      level: completed.headers.get('X-Signature-Level'),
      signer: decodeURIComponent(completed.headers.get('X-Signature-Signer') || ''),
      signingTime: completed.headers.get('X-Signature-Signing-Time'),
      documentSha256: completed.headers.get('X-Document-SHA256')
    };
    return blob;
  };

  async function callServer(url, init) {
    var response;
    try {
      response = await fetch(url, Object.assign({mode: 'cors', cache: 'no-store'}, init));
    } catch (e) {
      throw SignerAgentError('SERVER_UNREACHABLE', 'signer-server did not answer: ' + url);
    }
    if (!response.ok) {
      throw await failure(response, 'SERVER_FAILED');
    }
    return response;
  }

  function notReachable(url) {
    var error = SignerAgentError('AGENT_NOT_RUNNING', 'Không kết nối được với signer agent tại ' + url
        + ': agent chưa chạy, hoặc trình duyệt chưa tin cậy chứng thư của nó (mở ' + url + '/v1/agent một lần). / '
        + 'The signing agent at ' + url + ' did not answer: it is not running, or this browser does not trust its '
        + 'certificate yet (open ' + url + '/v1/agent once).');
    error.maybeCertificateNotTrusted = true;
    error.trustUrl = url + '/v1/agent';
    return error;
  }

  var SignerAgent = {
    Error: SignerAgentError,
    /** The agent at options.url (default https://127.0.0.1:8987), once it answered GET /v1/agent. */
    find: async function (options) {
      var url = (options && options.url) || DEFAULT_AGENT;
      var probe = new Agent(url, {});
      var info = await probe.call('/v1/agent', {method: 'GET'});
      if (info.agent !== 'signer' || info.api !== 1) {
        throw SignerAgentError('AGENT_NOT_RUNNING', 'the program at ' + url + ' is not signer agent (API 1)');
      }
      return new Agent(url, info);
    }
  };

  global.SignerAgent = SignerAgent;
})(typeof window !== 'undefined' ? window : globalThis);
