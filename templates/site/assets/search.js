// qingdan site search: a character-bigram index built at build time, queried here with no server.
// One file serves the browser (a classic script, so it also works from file://) and the builder, which loads it to
// tokenise exactly as the browser will.
(function (root) {
  'use strict';

  var RUN = /[\p{L}\p{N}]+/gu;

  function normalise(text) {
    return String(text || '').normalize('NFKC').toLowerCase();
  }

  /** Runs of letters and digits: punctuation and spaces separate terms, in any script. */
  function runs(text) {
    return normalise(text).match(RUN) || [];
  }

  /** Distinct bigrams of each run (a one-character run stands for itself). */
  function grams(text, withUnigrams) {
    var out = new Set();
    runs(text).forEach(function (run) {
      var chars = Array.from(run);
      if (chars.length === 1 || withUnigrams) chars.forEach(function (c) { out.add(c); });
      for (var i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
    });
    return Array.from(out);
  }

  /** Query terms: runs of letters and digits ("施工许可 青山" → two terms); an item must hold every bigram of each. */
  function terms(query) {
    return runs(query);
  }

  function decode(postings) {
    var out = [];
    var last = 0;
    postings.split(',').forEach(function (part) {
      if (!part) return;
      last += parseInt(part, 36);
      out.push(last);
    });
    return out;
  }

  function intersect(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (a[i] < b[j]) i++;
      else j++;
    }
    return out;
  }

  /**
   * Items containing every term of the query, best first: a term in the name counts most, then the department,
   * then the category; among equals the shorter name (the main item before its variants), then catalogue order.
   */
  function search(index, query) {
    var list = terms(query);
    if (!list.length) return [];
    var candidates = null;
    var codeTerms = [];
    for (var t = 0; t < list.length; t++) {
      // A code (letters and digits, 8 or more) is matched whole against item codes: its bigrams are shared by all.
      if (/^[0-9a-z]{8,}$/.test(list[t]) && /[0-9]/.test(list[t])) {
        codeTerms.push(list[t]);
        continue;
      }
      var keys = grams(list[t], false);
      for (var k = 0; k < keys.length; k++) {
        var postings = index.grams[keys[k]];
        if (postings === undefined) return [];
        var docs = decode(postings);
        candidates = candidates === null ? docs : intersect(candidates, docs);
        if (!candidates.length) return [];
      }
    }
    if (candidates === null) candidates = index.docs.map(function (_, i) { return i; });
    if (codeTerms.length) {
      candidates = candidates.filter(function (i) {
        var code = normalise(index.docs[i][4]);
        return codeTerms.every(function (term) { return code.indexOf(term) >= 0; });
      });
    }
    var results = candidates.map(function (i) {
      var doc = index.docs[i];
      var name = normalise(doc[0]);
      var department = normalise(doc[1]);
      var category = normalise(doc[2]);
      var score = 0;
      list.forEach(function (term) {
        if (codeTerms.indexOf(term) >= 0) { score += 20; return; }
        if (name === term) score += 20;
        if (name.indexOf(term) >= 0) score += 10;
        if (department.indexOf(term) >= 0) score += 4;
        if (category.indexOf(term) >= 0) score += 2;
        score += 1;
      });
      return { i: i, doc: doc, score: score };
    });
    results.sort(function (a, b) { return b.score - a.score || a.doc[0].length - b.doc[0].length || a.i - b.i; });
    return results.map(function (r) { return { name: r.doc[0], department: r.doc[1], category: r.doc[2], href: r.doc[3], code: r.doc[4], score: r.score }; });
  }

  var api = { normalise: normalise, grams: grams, terms: terms, decode: decode, search: search };
  root.qingdanSearch = api;

  // The page: read ?q=, search, show the results; without this script the page lists every item instead.
  if (typeof document === 'undefined') return;
  function ready(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }
  ready(function () {
    var box = document.getElementById('search-results');
    var index = root.qingdanSearchIndex;
    if (!box || !index) return;
    var params = new URLSearchParams(location.search);
    var query = (params.get('q') || '').trim();
    var input = document.getElementById('search-query');
    if (input) input.value = query;
    if (!query) return;
    var results = search(index, query);
    var words = JSON.parse(box.getAttribute('data-words'));
    var rootPath = box.getAttribute('data-root') || '';
    var heading = document.createElement('h2');
    heading.id = 'results-heading';
    heading.textContent = (results.length ? words.resultsFor : words.noResults).replace('{query}', query).replace('{count}', String(results.length));
    box.appendChild(heading);
    if (results.length) {
      var list = document.createElement('ol');
      list.className = 'item-list';
      list.setAttribute('aria-labelledby', 'results-heading');
      results.forEach(function (result) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = rootPath + result.href;
        link.textContent = result.name;
        var meta = document.createElement('span');
        meta.className = 'meta';
        meta.textContent = result.department + ' · ' + result.category;
        item.appendChild(link);
        item.appendChild(meta);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.hidden = false;
    var all = document.getElementById('all-items');
    if (all) all.hidden = true;
    var status = document.getElementById('search-status');
    if (status) status.textContent = heading.textContent;
    document.title = heading.textContent + ' — ' + document.title;
  });
})(typeof self !== 'undefined' ? self : globalThis);
