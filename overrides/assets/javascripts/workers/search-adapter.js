/* The site's search worker: Material for MkDocs' own worker, imported unchanged, with three
   adaptations made on the messages it receives and sends.
   - A query that is a paragraph's address, written as people write it ("OP 1 (c)", "1(c)",
     "para 1 (c)", "preambular paragraph 3", "pp3"), becomes the anchor ("op1c") that the index
     holds in each paragraph's "address" field.
   - The results of the page whose entries carry the highest "boost" (the full text: one entry
     per paragraph) come before every other page's; among its entries the closer match comes
     first (the exact address, then the query's words as a phrase, then the most of its words,
     then lunr's score), and all of them are listed, none folded away under "more".
   - A query that finds nothing is tried once more allowing a typing error in each word.
   - A query overtaken by a newer one before its turn (the reader typing on) is not searched.
   The page starts this worker with the address of Material's worker after "#"
   (overrides/partials/lazy-search.html). */
(function () {
  "use strict";

  var QUERY = 2, RESULT = 3; // Material's message types (SETUP 0, READY 1, QUERY 2, RESULT 3)

  // --- Addresses -------------------------------------------------------------------------
  // "operative paragraph 1 (c)", "OP1(c)", "op 1 c", "para. 1 (c) (ii)", "pp 3", "footnote 2".
  // Preambular paragraphs are not numbered in print, so a number alone is an operative one.
  var ADDRESS = /^(operative|preambular|footnote|op|pp|fn)?\.?\s*((?:paragraph|para)\.?\s*)?(\d{1,3})(?!\d)(.*)$/;
  // After the number: letters (c, aa), roman numerals (ii) or numbers, each whole, maybe in brackets.
  var LEVELS = /^(?:[\s\-]*\(?(?:([a-z])\1*|[ivxlc]+|\d{1,3})(?![a-z\d])\)?)*\s*$/;
  var LEVEL = /[a-z]+|\d+/g;
  var KINDS = { operative: "op", op: "op", preambular: "pp", pp: "pp", footnote: "fn", fn: "fn" };

  function addressOf(query) {
    var text = query.trim().toLowerCase();
    var match = ADDRESS.exec(text);
    if (!match || !LEVELS.test(match[4])) return null;
    var levels = match[4].match(LEVEL) || [];
    if (!match[1] && !match[2] && !levels.length) return null; // a number alone is not an address
    var kind = KINDS[match[1]] || "op";
    if (kind !== "op" && levels.length) return null;
    var anchor = kind + match[3];
    levels.forEach(function (level) {
      anchor += /^[a-z]+$/.test(level) && /\d$/.test(anchor) ? level : "-" + level;
    });
    return anchor;
  }

  // --- Ordering --------------------------------------------------------------------------
  function words(text) {
    return text.replace(/<[^>]*>/g, " ").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function priority(group) {
    return Math.max.apply(null, group.map(function (item) { return item.boost || 1; }));
  }

  function closeness(item, request) {
    var anchor = item.location.split("#")[1];
    var phrase = request.words.length > 1 && (" " + words(item.title + " " + item.text).join(" ") + " ")
      .indexOf(" " + request.words.join(" ") + " ") >= 0;
    var found = Object.keys(item.terms).filter(function (term) { return item.terms[term]; }).length;
    return [anchor === request.address ? 1 : 0, phrase ? 1 : 0, found, item.score];
  }

  function compare(a, b) {
    for (var i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
    return 0;
  }

  // Material renders a page's entry first, then the entries scored at least as high as the
  // group's first, and folds the rest under "N more on this page"; Enter opens the best
  // scored. Scores by rank, with the page's entry first and lowest, keep this order and show all.
  function closerFirst(group, request) {
    var page = group.filter(function (item) { return item.location.indexOf("#") < 0; })[0];
    var entries = group.filter(function (item) { return item !== page; })
      .map(function (item) { return { item: item, key: closeness(item, request) }; })
      .sort(compare)
      .map(function (ranked, i, all) { ranked.item.score = all.length - i; return ranked.item; });
    if (!page) return entries;
    if (entries.length) page.score = 0;
    return [page].concat(entries);
  }

  function ordered(groups, request) {
    return groups
      .map(function (group, i) { return { group: group, key: [priority(group), -i] }; })
      .sort(compare)
      .map(function (ranked) {
        return ranked.key[0] > 1 ? closerFirst(ranked.group, request) : ranked.group;
      });
  }

  // --- A typing error --------------------------------------------------------------------
  // lunr's edit distance: one error in a word of four to six letters, two in a longer word.
  function tolerant(query) {
    var changed = false;
    var terms = query.trim().split(/[\s\-]+/).map(function (term) {
      if (!/^\p{L}{4,}$/u.test(term)) return term;
      changed = true;
      return term + "~" + (term.length > 6 ? 2 : 1);
    });
    return changed ? terms.join(" ") : null;
  }

  // --- Messages --------------------------------------------------------------------------
  var materialListeners = [];
  var listen = self.addEventListener.bind(self);
  var post = self.postMessage.bind(self);
  var pending = []; // what was asked of Material's worker, in order: it answers in that order
  var latest = null;

  function ask(query, request) {
    pending.push(request);
    var event = { data: { type: QUERY, data: query } };
    materialListeners.forEach(function (listener) { listener(event); });
  }

  self.addEventListener = function (type, listener, options) {
    if (type === "message") {
      materialListeners.push(listener);
    } else {
      listen(type, listener, options);
    }
  };

  listen("message", function (event) {
    var message = event.data;
    if (!message || message.type !== QUERY) {
      materialListeners.forEach(function (listener) { listener(event); });
      return;
    }
    latest = message.data;
    // Each key typed sends a query: one that a newer query has followed before its turn came
    // is not searched, so that the last one is answered first.
    setTimeout(function () {
      if (message.data !== latest) return;
      var address = addressOf(message.data);
      ask(address || message.data, {
        typed: message.data, address: address, words: words(message.data), tolerant: false
      });
    }, 0);
  });

  self.postMessage = function (message) {
    if (!message || message.type !== RESULT) return post(message);
    var request = pending.shift();
    if (!request) return post(message);
    var items = message.data.items;
    if (!items.length && !request.tolerant && request.typed === latest) {
      var retry = tolerant(request.typed);
      if (retry) {
        request.tolerant = true;
        // After the messages already waiting (the reader may be typing on): the slower search
        // allowing errors runs only if this query is still the latest by then.
        setTimeout(function () { if (request.typed === latest) ask(retry, request); }, 0);
        return undefined;
      }
    }
    if (request.tolerant) {
      if (request.typed !== latest) return undefined; // a newer query's results are on their way
      // The words were found in another spelling: none is shown as missing.
      items.forEach(function (group) {
        group.forEach(function (item) {
          Object.keys(item.terms).forEach(function (term) { item.terms[term] = true; });
        });
      });
    }
    message.data.items = ordered(items, request);
    return post(message);
  };

  var material = new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href);
  if (material.origin === self.location.origin) importScripts(material.href);
})();
