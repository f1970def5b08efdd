/* The site's search worker: Material for MkDocs' own worker, imported unchanged, with these
   adaptations made on the messages it receives and sends.
   - Each word typed also finds the other forms of it that the site uses ("trafficked" finds
     "trafficking", "victims" finds "victim"), British and American spellings alike ("labor"
     finds "labour"); a word is shown as missing from a result only if none of its forms is in it.
   - A query that is a paragraph's address, written as people write it ("OP 1 (c)", "1(c)",
     "para 1 (c)", "preambular paragraph 3", "pp3"), becomes the anchor ("op1c") that the index
     holds in each paragraph's "address" field.
   - The results of the page whose entries carry the highest "boost" (the full text: one entry
     per paragraph) come before every other page's; among its entries the closer match comes
     first (the exact address, then the query's words as a phrase, then the most of its words,
     then lunr's score), and all of them are listed, none folded away under "more".
   - A query that finds nothing is tried once more allowing a typing error in each word; its
     results then carry the words typed and the index's words close to them ("near"), which the
     page names above the results, so that a near word is never shown as a match of the query.
   - A query overtaken by a newer one before its turn (the reader typing on) is not searched.
   The page starts this worker with the address of Material's worker after "#"
   (overrides/partials/lazy-search.html). */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2, RESULT = 3; // Material's message types (READY is 1)

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

  // --- Word forms ------------------------------------------------------------------------
  // Material's worker looks each word typed up as the beginning of words ("victims" becomes
  // "victims*"), and lunr does not stem such a term: "trafficked*" does not find "trafficking".
  // So each term of the query also asks, as they are, for the index's words that share a stem
  // with a word it finds (a word still being typed finds those it begins, "raporteur~2" those
  // within two typing errors) or with the term itself. The stems are lunr's (its stemmer is in
  // Material's worker, though not in the index's pipeline), of the American spelling, so that
  // either spelling finds the other.
  var AMERICAN = [
    [/([a-z]{3})our(s|ed|ing|ers?|able|ably)?$/, "$1or$2"], // labour, favourable, behaviour
    [/([a-z]{3})tre(s?)$/, "$1ter$2"], // centre
    [/([a-z]{3})tred$/, "$1tered"], // centred
    [/([a-z]{3})ogue(s?)$/, "$1og$2"], // catalogue
    [/([a-z]{4})mme(s?)$/, "$1m$2"], // programme
    [/^(def|off|lic|pret)ence(s?)$/, "$1ense$2"] // defence, offence, licence, pretence
  ];
  var WORD = /^\p{L}+(?:['’]\p{L}+)*$/u;
  // The index's words: their spellings (a lunr.TokenSet, to match terms against as lunr does),
  // the stem of each spelling, and the words of each stem.
  var site = null;

  function american(word) {
    return AMERICAN.reduce(function (spelling, rule) { return spelling.replace(rule[0], rule[1]); }, word);
  }

  // lunr's stemmer (Porter's) keeps "'s" and "-ly": they go first, "-ly" after the letters
  // that the English Snowball stemmer takes it off after ("strongly", "directly").
  function stem(word) {
    var base = american(word).replace(/['’]s$/, "").replace(/([a-z]{3}[cdeghkmnrt])ly$/, "$1");
    return lunr.stemmer(new lunr.Token(base)).toString();
  }

  // The index's words as the index holds them (lower case, cut at the separator, trimmed), but
  // stop words, which it leaves out; words of letters only.
  function vocabulary(setup) {
    var seen = Object.create(null), stems = Object.create(null), forms = Object.create(null);
    var separator = new RegExp(setup.config.separator);
    setup.docs.forEach(function (doc) {
      var text = (doc.title + " " + doc.text).replace(/<[^>]*>/g, " ").toLowerCase();
      text.split(separator).forEach(function (token) {
        var word = token.replace(/^\W+|\W+$/g, ""); // as lunr's trimmer does
        if (seen[word] || !WORD.test(word) || !lunr.stopWordFilter(word)) return;
        seen[word] = true;
        stems[word] = stems[american(word)] = stem(word);
        (forms[stems[word]] = forms[stems[word]] || []).push(word);
      });
    });
    return { spellings: lunr.TokenSet.fromArray(Object.keys(stems).sort()), stems: stems, forms: forms };
  }

  // The terms of a query that are words, as Material's worker cuts them (its key for each in
  // a result's "terms"): not in quotes (a phrase), without a field, boost or presence (+, -).
  // Each with what follows it: "*", or "~2" if typed; a word that a hyphen follows, none
  // ("non-punishment" asks for "non" and "punishment*").
  function queryTerms(query) {
    var terms = [];
    query.split(/"[^"]+"/).join(" ").split(/\s+/).forEach(function (token) {
      var fuzzy = /^([^~]*)(~\d+)$/.exec(token) || [token, token, "*"];
      if (/^[+\-]|[:~^*]/.test(fuzzy[1])) return;
      var pieces = fuzzy[1].replace(/"/g, "").toLowerCase().split(lunr.tokenizer.separator).filter(Boolean);
      pieces.forEach(function (word, i) {
        var after = i < pieces.length - 1 ? "" : fuzzy[2];
        if (WORD.test(word) && lunr.stopWordFilter(word)) terms.push({ word: word, after: after });
      });
    });
    return terms;
  }

  // The query and, after it, each form that its terms do not find themselves, with "^1" (to
  // which Material adds no "*": found as it is), and each term again with "^9": a result that
  // says a word as typed comes before one that says another form of it, as a form is often the
  // rarer word, which lunr scores higher.
  function withForms(query, request) {
    var added = [], again = [];
    request.forms = {}; // a term -> its forms
    request.isForm = Object.create(null);
    queryTerms(query).forEach(function (term) {
      var pattern = term.after[0] === "~" ? lunr.TokenSet.fromFuzzyString(term.word, +term.after.slice(1))
        : lunr.TokenSet.fromString(term.word + term.after);
      var finds = site.spellings.intersect(pattern).toArray();
      var forms = request.forms[term.word] = [];
      var stems = finds.map(function (spelling) { return site.stems[spelling]; }).concat(stem(term.word));
      stems.forEach(function (key) {
        (site.forms[key] || []).forEach(function (form) {
          if (finds.indexOf(form) >= 0 || forms.indexOf(form) >= 0) return;
          if (request.words.indexOf(form) >= 0) return; // a word of the query: already asked for
          forms.push(form);
          if (!request.isForm[form]) added.push(form + "^1");
          request.isForm[form] = true;
        });
      });
      again.push(term.word + term.after + "^9");
    });
    return added.length ? [query].concat(added, again).join(" ") : query;
  }

  // Material's "terms" of a result (each term of the query: found in it or not) made the words
  // typed: a word is found if one of its forms is; the forms go.
  function fold(terms, request) {
    Object.keys(request.forms).forEach(function (word) {
      if (!(word in terms)) return;
      request.forms[word].forEach(function (form) { terms[word] = terms[word] || !!terms[form]; });
    });
    Object.keys(terms).forEach(function (term) { if (request.isForm[term]) delete terms[term]; });
    return terms;
  }

  // How many of the terms a result holds, and their share.
  function coverage(terms) {
    var all = Object.keys(terms), found = all.filter(function (term) { return terms[term]; }).length;
    return { found: found, share: all.length ? found / all.length : 0 };
  }

  // Material scores a result lunr's score times 1 + (1 if a page + the share of the query's
  // terms it holds) squared, and lists each page's results after its best one's, the pages
  // in the order of their best results. Scored and listed again, the share is of the words
  // typed, as if no form had been asked for.
  function rescored(groups, request) {
    groups.forEach(function (group) {
      group.forEach(function (item) {
        if (!Object.keys(item.terms).length) return; // a page listed above its sections, scored 0
        var page = item.location.indexOf("#") < 0 ? 1 : 0;
        var before = page + coverage(item.terms).share;
        var after = page + coverage(fold(item.terms, request)).share;
        item.score *= (1 + after * after) / (1 + before * before);
      });
      group.sort(function (a, b) { return b.score - a.score; });
    });
    return groups.sort(function (a, b) { return b[0].score - a[0].score; });
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
    return [anchor === request.address ? 1 : 0, phrase ? 1 : 0, coverage(item.terms).found, item.score];
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

  // --- Punctuation -----------------------------------------------------------------------
  // A word copied from the text may bring its punctuation ("victims'", "e.g.", "(c)"). The
  // index holds words without it (lunr's trimmer), and a word looked up as a prefix is not
  // trimmed: it goes here, before and after each word. A word with a quotation mark (part of
  // a phrase) is left as it is, and so are the signs of a query ("+", "-", "*", "~2", "^3").
  function withoutPunctuation(query) {
    return query.split(/(\s+)/).map(function (token) {
      if (token.indexOf('"') >= 0) return token;
      return token.replace(/^([+\-]?)[(\['‘“]+/u, "$1").replace(/[.,;:!?)\]'’”]+$/u, "");
    }).join("");
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

  // The index's words within the tolerated errors of each word that has them, but the word itself.
  function nearWords(query) {
    var near = [];
    query.trim().split(/\s+/).forEach(function (term) {
      var fuzzy = /^(\p{L}+)~(\d)$/u.exec(term);
      if (!fuzzy) return;
      site.spellings.intersect(lunr.TokenSet.fromFuzzyString(fuzzy[1].toLowerCase(), +fuzzy[2])).toArray()
        .forEach(function (word) { if (word !== fuzzy[1].toLowerCase() && near.indexOf(word) < 0) near.push(word); });
    });
    return near;
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
      // After Material's worker has indexed the site and said so (its work goes on in promise
      // callbacks, which come first), and before any query (its own timer comes later).
      if (message && message.type === SETUP) setTimeout(function () { site = vocabulary(message.data); }, 0);
      return;
    }
    latest = message.data;
    // Each key typed sends a query: one that a newer query has followed before its turn came
    // is not searched, so that the last one is answered first.
    setTimeout(function () {
      if (message.data !== latest) return;
      var address = addressOf(message.data);
      var query = address || withoutPunctuation(message.data);
      var request = {
        typed: message.data, query: query, address: address, words: words(message.data), tolerant: false
      };
      ask(withForms(query, request), request);
    }, 0);
  });

  self.postMessage = function (message) {
    if (!message || message.type !== RESULT) return post(message);
    var request = pending.shift();
    if (!request) return post(message);
    var items = message.data.items;
    if (!items.length && !request.tolerant && request.typed === latest) {
      var retry = tolerant(request.query);
      if (retry) {
        request.tolerant = true;
        request.retry = retry;
        // After the messages already waiting (the reader may be typing on): the slower search
        // allowing errors runs only if this query is still the latest by then.
        setTimeout(function () { if (request.typed === latest) ask(withForms(retry, request), request); }, 0);
        return undefined;
      }
    }
    if (request.tolerant) {
      if (request.typed !== latest) return undefined; // a newer query's results are on their way
      if (items.length) message.data.near = { typed: request.typed, words: nearWords(request.retry) };
      // The words were found in another spelling: none is shown as missing (their forms are
      // left as found or not, for the score's share, as if they had not been asked for).
      items.forEach(function (group) {
        group.forEach(function (item) {
          Object.keys(item.terms).forEach(function (term) {
            item.terms[term] = item.terms[term] || !request.isForm[term];
          });
        });
      });
    }
    message.data.items = ordered(rescored(items, request), request);
    return post(message);
  };

  var material = new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href);
  if (material.origin === self.location.origin) importScripts(material.href);
})();
