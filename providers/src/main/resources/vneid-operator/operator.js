// The operators' statistics page (issue #15): signs in with the public client (code flow + PKCE S256), keeps the
// token in memory only, reads /admin/realms/{realm}/vneid-stats/figures and draws the table and an SVG chart.
// No library and no request to any other server.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('vneid-operator-config').textContent);
  var t = function (key) { return config.messages[key] || key; };
  var base = window.location.origin;
  var realmBase = base + '/realms/' + encodeURIComponent(config.realm);
  var pageUrl = realmBase + '/vneid-operator/';
  var token = null;
  var app = document.getElementById('app');
  var status = document.getElementById('status');

  function el(name, attrs, children) {
    var node = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return node;
  }
  function svg(name, attrs, text) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function say(text, isError) { status.textContent = text; status.className = isError ? 'error' : ''; }
  function b64url(bytes) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function random() { var a = new Uint8Array(32); crypto.getRandomValues(a); return b64url(a); }

  function signIn(view) {
    var verifier = random();
    var state = random();
    sessionStorage.setItem('vneid-operator', JSON.stringify({ verifier: verifier, state: state, view: view }));
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (hash) {
      var q = new URLSearchParams({ client_id: config.clientId, response_type: 'code', scope: 'openid',
        redirect_uri: pageUrl, state: state, code_challenge: b64url(hash), code_challenge_method: 'S256',
        ui_locales: config.locale });
      window.location.assign(realmBase + '/protocol/openid-connect/auth?' + q.toString());
    });
  }

  function finishSignIn(params) {
    var saved = JSON.parse(sessionStorage.getItem('vneid-operator') || '{}');
    sessionStorage.removeItem('vneid-operator');
    window.history.replaceState(null, '', pageUrl);
    if (!saved.state || saved.state !== params.get('state')) { return Promise.reject(new Error('state')); }
    var body = new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId,
      code: params.get('code'), redirect_uri: pageUrl, code_verifier: saved.verifier });
    return fetch(realmBase + '/protocol/openid-connect/token', { method: 'POST', body: body })
      .then(function (r) { if (!r.ok) { throw new Error('token'); } return r.json(); })
      .then(function (json) { token = json.access_token; return saved.view || {}; });
  }

  function figuresUrl(view, csv) {
    var q = new URLSearchParams();
    if (view.period) { q.set('period', view.period); }
    if (view.province) { q.set('province', view.province); }
    if (view.district) { q.set('district', view.district); }
    if (csv) { q.set('format', 'csv'); }
    return base + '/admin/realms/' + encodeURIComponent(config.realm) + '/vneid-stats/figures?' + q.toString();
  }

  function load(view) {
    say(t('statsPageLoading'));
    return fetch(figuresUrl(view, false), { headers: { Authorization: 'Bearer ' + token, 'Accept-Language': config.locale } })
      .then(function (r) {
        if (r.status === 401) { return signIn(view); }
        return r.json().then(function (json) {
          if (!r.ok) { say(json.error_description || t('statsPageError'), true); return; }
          render(view, json);
        });
      }).catch(function () { say(t('statsPageError'), true); });
  }

  function percentCell(value) {
    if (value === null || value === undefined) { return el('td', {}, ['–']); }
    return el('td', { 'class': value >= 100 ? 'ok' : (value < 50 ? 'low' : '') }, [value.toFixed(2) + ' %']);
  }

  var COLUMNS = ['collectedLevel1', 'collectedLevel2', 'collected', 'targetRecords', 'collectedPercent',
    'activatedLevel1', 'activatedLevel2', 'activated', 'targetActivations', 'activatedPercent', 'eligible',
    'level2ActivatedOfEligiblePercent', 'eligibleNotRegistered', 'level2ApprovedNotActivated', 'rejected',
    'pendingUnder1Day', 'pendingDays1To7', 'pendingDays7To30', 'pendingOver30Days'];

  function row(view, data, isTotal) {
    var name;
    if (!isTotal && data.kind === 'PROVINCE') {
      name = el('a', { href: '#' }, [data.name]);
      name.addEventListener('click', function (e) { e.preventDefault(); load({ period: view.period, province: data.code }); });
    } else if (!isTotal && data.kind === 'DISTRICT') {
      name = el('a', { href: '#' }, [data.name]);
      name.addEventListener('click', function (e) {
        e.preventDefault(); load({ period: view.period, district: data.code, province: null, from: view });
      });
    } else {
      name = data.name;
    }
    var cells = [el(isTotal ? 'th' : 'td', { scope: 'row' }, [name])];
    COLUMNS.forEach(function (c) {
      cells.push(/Percent$/.test(c) ? percentCell(data[c]) : el('td', {}, [Number(data[c]).toLocaleString(config.locale)]));
    });
    return el('tr', isTotal ? { 'class': 'total' } : {}, cells);
  }

  function chart(rows) {
    var shown = rows.filter(function (r) { return r.collectedPercent !== null || r.activatedPercent !== null; });
    if (shown.length === 0) { return el('p', {}, [t('statsPageNoTargets')]); }
    var max = Math.max(100, ...shown.map(function (r) { return Math.max(r.collectedPercent || 0, r.activatedPercent || 0); }));
    var left = 190, width = 520, barH = 10, rowH = 30, height = shown.length * rowH + 30;
    var scale = function (p) { return left + (p / max) * width; };
    var root = svg('svg', { viewBox: '0 0 ' + (left + width + 70) + ' ' + height, width: '100%', role: 'img',
      'aria-label': t('statsPageChartTitle') });
    shown.forEach(function (r, i) {
      var y = 10 + i * rowH;
      root.append(svg('text', { x: left - 6, y: y + barH + 3, 'text-anchor': 'end' }, r.name));
      [['collectedPercent', 'bar-collected', 0], ['activatedPercent', 'bar-activated', barH + 1]].forEach(function (b) {
        var v = r[b[0]] || 0;
        var bar = svg('rect', { x: left, y: y + b[2], width: Math.max(0, scale(v) - left), height: barH, 'class': b[1] });
        bar.append(svg('title', {}, r.name + ': ' + t('statsPage_' + b[0]) + ' ' + v.toFixed(2) + ' %'));
        root.append(bar);
        root.append(svg('text', { x: scale(v) + 4, y: y + b[2] + barH - 1 }, v.toFixed(1) + ' %'));
      });
    });
    root.append(svg('line', { x1: scale(100), x2: scale(100), y1: 0, y2: height - 20, 'class': 'target-line' }));
    root.append(svg('text', { x: scale(100), y: height - 5, 'text-anchor': 'middle' }, '100 %'));
    return el('figure', {}, [el('figcaption', {}, [t('statsPageChartTitle')]),
      el('div', { 'class': 'legend' }, [
        el('span', {}, [el('span', { 'class': 'swatch collected' }), t('statsPage_collectedPercent')]),
        el('span', {}, [el('span', { 'class': 'swatch activated' }), t('statsPage_activatedPercent')])]),
      root]);
  }

  function render(view, json) {
    view.period = json.period;
    while (app.children.length > 1) { app.removeChild(app.lastChild); }
    app.append(status);
    say('');
    var langs = el('p', { 'class': 'lang' }, [el('a', { href: pageUrl + '?lang=vi', lang: 'vi' }, ['Tiếng Việt']), ' · ',
      el('a', { href: pageUrl + '?lang=en', lang: 'en' }, ['English'])]);
    var crumbs = el('nav', { 'class': 'crumbs', 'aria-label': t('statsPageBreadcrumb') });
    var top = el('a', { href: '#' }, [t('statsPageCountry')]);
    top.addEventListener('click', function (e) { e.preventDefault(); load({ period: view.period }); });
    crumbs.append(top);
    if (view.from && view.from.province) {
      var prov = el('a', { href: '#' }, ['› ' + t('statsPageBackToProvince')]);
      prov.addEventListener('click', function (e) { e.preventDefault(); load(view.from); });
      crumbs.append(prov);
    }
    if (json.unit.kind !== 'COUNTRY') { crumbs.append(el('span', {}, ['› ' + json.unit.name])); }

    var period = el('input', { id: 'period', name: 'period', value: json.period, size: '8', pattern: '\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?' });
    var form = el('form', { 'class': 'controls' }, [el('label', { 'for': 'period' }, [t('statsPagePeriod'), period]),
      el('button', { type: 'submit' }, [t('statsPageShow')])]);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      load({ period: period.value, province: view.province, district: view.district, from: view.from });
    });
    var csv = el('button', { type: 'button' }, [t('statsPageDownloadCsv')]);
    csv.addEventListener('click', function () {
      fetch(figuresUrl(view, true), { headers: { Authorization: 'Bearer ' + token } })
        .then(function (r) { return r.blob(); })
        .then(function (blob) {
          var a = el('a', { href: URL.createObjectURL(blob), download: 'vneid-stats-' + json.period + '.csv' });
          document.body.append(a); a.click(); a.remove();
        });
    });
    form.append(csv);

    var head = el('tr', {}, [el('th', { scope: 'col' }, [t('statsPage_unit')])].concat(COLUMNS.map(function (c) {
      return el('th', { scope: 'col' }, [t('statsPage_' + c)]);
    })));
    var body = el('tbody', {}, json.rows.map(function (r) { return row(view, r, false); }));
    var foot = el('tfoot', {}, [row(view, json.unit, true)]);
    var table = el('table', {}, [el('caption', {}, [t('statsPageTableCaption') + ' ' + json.period + ' (' + json.cutOff.substring(0, 10) + ')']),
      el('thead', {}, [head]), body, foot]);
    app.append(langs, crumbs, form, chart(json.rows), el('div', { 'class': 'table-wrap' }, [table]));
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get('code')) {
    finishSignIn(params).then(load).catch(function () { say(t('statsPageError'), true); });
  } else if (params.get('error')) {
    say(t('statsPageError'), true);
  } else {
    signIn({ period: params.get('period') || undefined });
  }
})();
