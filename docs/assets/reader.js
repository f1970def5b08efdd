/* The resolution's own markup: what JavaScript adds to pages that work without it.
   - a paragraph's link control opens a menu: its address, copy its link (its own page's, or
     its place in the full text's, as the reader chooses), copy a citation, open its page, its
     terms;
   - on a paragraph's own page, a copy button beside each form of its citation, and, where the
     build knows no address for the site, the address the reader has the page at in each form
     (and in the address printed with any page);
   - definitions of terms and instruments shown where they stand (hover, focus, tap), read from
     the definitions file when the reader first comes near a term, not with the page;
   - "plain reading": term and instrument links become plain words, remembered in this browser;
   - the paragraph an address arrives at (in any case, with or without zeros, or typed in the
     "Go to paragraph" field) is highlighted and receives focus; an unknown one is said so;
   - the paragraph being read is told to the theme ("reader:position") for its header.
   It knows only the markup the build writes (.para, a.para-link, a.gl-term, .footnote),
   nothing of the theme: material.js adapts the theme. */
(function () {
  "use strict";

  // What the script adds goes inside the main landmark, where all content belongs.
  function landmark() { return document.querySelector("main") || document.body; }

  // --- Announcements for screen readers ------------------------------------------------
  function announce(message) {
    var region = document.querySelector(".live-status");
    if (!region) {
      region = document.createElement("div");
      region.className = "live-status visually-hidden";
      region.setAttribute("role", "status");
      landmark().appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      landmark().appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      area.remove();
      if (done) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  // --- Paragraph links -------------------------------------------------------------------
  // The address the reader has this page at, without a query (the search's "?h=") or fragment.
  function here() {
    var url = new URL(window.location.href);
    url.search = "";
    url.hash = "";
    return url.href;
  }

  // The page's published address when the build knows the site's (its canonical link); where
  // it does not, the one the reader has: a copied link always opens.
  function pageAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href.split("#")[0] : here();
  }

  function paragraphUrl(anchor) {
    return pageAddress() + "#" + anchor;
  }

  // A paragraph's own page (op1c/): its address is written by the build as a template.
  function pageHref(anchor) {
    var data = document.getElementById("citation-data");
    var template = data && data.getAttribute("data-page");
    return template ? template.replace("{anchor}", anchor) : null;
  }

  function pageUrl(anchor) {
    return new URL(pageHref(anchor), pageAddress()).href;
  }

  // Which address "Copy link" and "Copy citation" give: the paragraph's own page by default
  // (a pasted link previews its words, survives apps that drop "#...", and shows a
  // sub-paragraph with its chapeau), or its place in the full text. The choice is remembered.
  var LINK_CHOICE = "resolution-link-target";

  function linkChoice() {
    try { return window.localStorage.getItem(LINK_CHOICE) === "text" ? "text" : "page"; } catch (e) { return "page"; }
  }

  function chooseLink(value) {
    try { window.localStorage.setItem(LINK_CHOICE, value); } catch (e) { /* private mode: not remembered */ }
  }

  function chosenUrl(anchor) {
    return linkChoice() === "page" && pageHref(anchor) ? pageUrl(anchor) : paragraphUrl(anchor);
  }

  function linkChoiceField(anchor) {
    var field = document.createElement("fieldset");
    field.className = "link-choice";
    var legend = document.createElement("legend");
    legend.textContent = "Link to";
    field.appendChild(legend);
    [["page", "its own page"], ["text", "its place in the full text"]].forEach(function (option) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "link-to-" + anchor;
      input.value = option[0];
      input.checked = linkChoice() === option[0];
      input.addEventListener("change", function () { if (input.checked) chooseLink(option[0]); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + option[1]));
      field.appendChild(label);
    });
    return field;
  }

  function citationFor(name, url) {
    var data = document.getElementById("citation-data");
    var template = data ? data.getAttribute("data-citation") : "{name}";
    return template.replace("{name}", name) + ", " + url;
  }

  function capitalised(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  var COPIED_FOR = 3000;
  var openMenu = null;

  function closeMenu(returnFocus) {
    if (!openMenu) return;
    var control = openMenu.control;
    openMenu.panel.remove();
    control.setAttribute("aria-expanded", "false");
    openMenu = null;
    if (returnFocus) control.focus();
  }

  function menuButton(label, onClick) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", onClick);
    return button;
  }

  // The button says "Copied" for a few seconds; the status region tells screen readers.
  function showCopied(button, label) {
    button.textContent = "Copied";
    window.clearTimeout(button.copiedTimer);
    button.copiedTimer = window.setTimeout(function () { button.textContent = label; }, COPIED_FOR);
  }

  // Copying refused: the text is shown selected, for the reader to copy by hand.
  function selectForCopying(panel, className, text) {
    var shown = panel.querySelector("." + className);
    if (!shown) {
      shown = document.createElement("p");
      shown.className = className;
      shown.textContent = text;
      panel.appendChild(shown);
    }
    var value = shown.querySelector(".copy-text") || shown;
    value.setAttribute("tabindex", "-1");
    value.focus();
    window.getSelection().selectAllChildren(value);
  }

  // ``text``: what to copy, or a function that gives it at the moment of copying.
  function copyButton(label, text, panel, done, shownClass) {
    var button = menuButton(label, function () {
      var value = typeof text === "function" ? text() : text;
      copyText(value).then(function () {
        showCopied(button, label);
        announce(done);
      }, function () {
        selectForCopying(panel, shownClass, value);
        announce("Could not copy. The text is selected: copy it with your keyboard or menu.");
      });
    });
    return button;
  }

  function termList(paragraph) {
    var links = paragraph.querySelectorAll("a.gl-term, a.gl-ref");
    if (!links.length) return null;
    var wrapper = document.createElement("div");
    var heading = document.createElement("p");
    heading.textContent = "Terms and instruments in this paragraph:";
    var list = document.createElement("ul");
    Array.prototype.forEach.call(links, function (link) {
      var item = document.createElement("li");
      var copy = document.createElement("a");
      copy.href = link.getAttribute("href") || link.getAttribute("data-href");
      copy.textContent = link.textContent;
      item.appendChild(copy);
      list.appendChild(item);
    });
    wrapper.appendChild(heading);
    wrapper.appendChild(list);
    return wrapper;
  }

  function addressLine(url) {
    var line = document.createElement("p");
    line.className = "para-address";
    line.appendChild(document.createTextNode("Address: "));
    var value = document.createElement("span");
    value.className = "copy-text";
    value.textContent = url;
    line.appendChild(value);
    return line;
  }

  function buildMenu(control, paragraph) {
    var anchor = paragraph.id;
    var name = control.getAttribute("data-name");
    var panel = document.createElement("div");
    panel.className = "para-menu";
    panel.id = "menu-" + anchor;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", capitalised(name));
    // The address follows the reader's choice of link (its own page or the full text's).
    var address = addressLine(chosenUrl(anchor));
    panel.appendChild(address);
    panel.addEventListener("change", function () {
      address.querySelector(".copy-text").textContent = chosenUrl(anchor);
    });
    function url() { return chosenUrl(anchor); }
    panel.appendChild(copyButton("Copy link", url, panel, "Link to " + name + " copied.", "para-address"));
    panel.appendChild(copyButton("Copy citation", function () { return citationFor(name, url()); }, panel,
      "Citation of " + name + " copied.", "para-citation"));
    var go = document.createElement("a");
    go.href = "#" + anchor;
    go.textContent = "Go to " + name;
    go.addEventListener("click", function (event) {
      closeMenu(false);
      // Already at this address: no hashchange will come, so arrive by hand.
      if (window.location.hash === "#" + anchor) { event.preventDefault(); focusTarget(); }
    });
    var goLine = document.createElement("p");
    goLine.appendChild(go);
    if (pageHref(anchor)) {
      panel.appendChild(linkChoiceField(anchor));
      var open = document.createElement("a");
      open.href = pageHref(anchor);
      open.textContent = "Open the paragraph's page";
      var openLine = document.createElement("p");
      openLine.appendChild(open);
      panel.appendChild(openLine);
    }
    panel.appendChild(goLine);
    var terms = termList(paragraph);
    if (terms) panel.appendChild(terms);
    panel.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      closeMenu(true);
    });
    return panel;
  }

  function toggleMenu(control) {
    var paragraph = control.parentElement;
    var wasOpen = openMenu && openMenu.control === control;
    closeMenu(false);
    if (wasOpen) return;
    var panel = buildMenu(control, paragraph);
    paragraph.insertAdjacentElement("afterend", panel);
    control.setAttribute("aria-expanded", "true");
    control.setAttribute("aria-controls", panel.id);
    openMenu = { control: control, panel: panel };
    panel.querySelector("button").focus();
  }

  // A click that asks for a new tab or window follows the link, as on any link.
  function opensElsewhere(event) {
    return event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0;
  }

  function setUpParagraphLinks() {
    Array.prototype.forEach.call(document.querySelectorAll("a.para-link"), function (control) {
      var label = control.getAttribute("aria-label") || "";
      var name = label.replace(/^Link to /, "");
      control.setAttribute("data-name", name);
      control.setAttribute("aria-label", "Share or cite " + name);
      control.setAttribute("role", "button");
      control.setAttribute("aria-expanded", "false");
      control.addEventListener("click", function (event) {
        if (opensElsewhere(event)) return;
        event.preventDefault();
        toggleMenu(control);
      });
      control.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); toggleMenu(control); }
        // Escape closes this control's own menu; another paragraph's menu is left alone.
        if (event.key === "Escape" && openMenu && openMenu.control === control) closeMenu(true);
      });
    });
    document.addEventListener("click", function (event) {
      if (openMenu && !openMenu.panel.contains(event.target) && event.target !== openMenu.control) closeMenu(false);
    });
  }

  // --- Definitions where they stand -------------------------------------------------------
  // A pointer passing over a line of terms opens none of them: only one that rests.
  var HOVER_DELAY = 350;
  var popover = null;
  var popoverFor = null;
  var pendingFor = null;
  var hideTimer = 0;
  var showTimer = 0;

  // The page holds an empty element for each definition its links are described by
  // (aria-describedby="def-glossary-…"); their words come from one file for the whole site,
  // fetched when the reader first comes near a term: the first Tab key (before it can reach
  // one), or a pointer, touch or focus on the text. A visit that only reads, or only searches,
  // does not fetch it.
  var definitionsLoaded = null;

  function loadDefinitions() {
    if (definitionsLoaded) return definitionsLoaded;
    var block = document.querySelector(".definitions[data-src]");
    if (!block || !window.fetch) { definitionsLoaded = Promise.resolve(); return definitionsLoaded; }
    definitionsLoaded = window.fetch(block.getAttribute("data-src"))
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (texts) {
        Array.prototype.forEach.call(block.querySelectorAll("p[id^='def-']"), function (element) {
          if (Object.prototype.hasOwnProperty.call(texts, element.id)) element.textContent = texts[element.id];
        });
      }, function () { definitionsLoaded = null; /* offline: tried again at the next interaction */ });
    return definitionsLoaded;
  }

  function loadDefinitionsWhenNeeded() {
    if (!document.querySelector(".definitions[data-src]")) return;
    var events = ["keydown", "pointerover", "pointerdown", "touchstart", "focusin"];
    function near(event) {
      if (event.type === "keydown") return event.key === "Tab";
      return event.target.closest && event.target.closest(".para, .footnote, .gl-term, .gl-ref");
    }
    function first(event) {
      if (!near(event)) return;
      events.forEach(function (name) { document.removeEventListener(name, first, true); });
      loadDefinitions();
    }
    events.forEach(function (name) { document.addEventListener(name, first, { capture: true, passive: true }); });
  }

  // An entry's definition, def-PAGE-ID, from the link's address (…/PAGE/#ID).
  function definitionOf(link) {
    var address = /([^\/#]+)\/#([^\/#]+)$/.exec(link.getAttribute("href") || "");
    var source = address && document.getElementById("def-" + address[1] + "-" + address[2]);
    return source ? source.textContent : "";
  }

  function showDefinition(link) {
    window.clearTimeout(showTimer);
    if (!link.hasAttribute("href")) return;  // plain reading: a word, not a link
    var text = definitionOf(link);
    if (!text) {
      // Not loaded yet: shown when it is, unless the reader has moved on meanwhile.
      pendingFor = link;
      loadDefinitions().then(function () {
        if (pendingFor === link && definitionOf(link)) showDefinition(link);
      });
      return;
    }
    window.clearTimeout(hideTimer);
    if (!popover) {
      popover = document.createElement("div");
      popover.className = "term-popover";
      popover.setAttribute("role", "tooltip");
      popover.id = "term-popover";
      popover.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
      popover.addEventListener("mouseleave", function () { hideDefinitionSoon(); });
      landmark().appendChild(popover);
    }
    popover.textContent = text;
    popover.hidden = false;
    popoverFor = link;
    // Below the term, within the viewport, in the coordinates of the popover's offset parent.
    var box = link.getClientRects()[0] || link.getBoundingClientRect();
    var parent = popover.offsetParent;
    var origin = parent && parent !== document.body ? parent.getBoundingClientRect()
      : { left: -window.scrollX, top: -window.scrollY };
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    popover.style.left = (left - origin.left) + "px";
    popover.style.top = (box.bottom + 6 - origin.top) + "px";
  }

  function hideDefinition() {
    window.clearTimeout(showTimer);
    if (popover) popover.hidden = true;
    popoverFor = null;
    pendingFor = null;
  }

  function hideDefinitionSoon() {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hideDefinition, 300);
  }

  function setUpDefinitions() {
    var links = document.querySelectorAll("a.gl-term, a.gl-ref");
    var lastPointer = "mouse";
    var shownBeforeTap = false;
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("pointerdown", function (event) {
        lastPointer = event.pointerType;
        // A tap also focuses the link (which shows the definition) before its click: remember
        // whether the definition was already showing when the finger came down.
        shownBeforeTap = popoverFor === link && popover && !popover.hidden;
      });
      link.addEventListener("mouseenter", function () {
        window.clearTimeout(showTimer);
        if (popoverFor && popover && !popover.hidden) { showDefinition(link); return; }
        showTimer = window.setTimeout(function () { showDefinition(link); }, HOVER_DELAY);
      });
      link.addEventListener("mouseleave", hideDefinitionSoon);
      link.addEventListener("focus", function () { showDefinition(link); });
      link.addEventListener("blur", function () {
        // Leaving by keyboard hides it at once, so it never covers the next focused control;
        // a pointer resting on the definition keeps it open.
        if (pendingFor === link) pendingFor = null;
        if (popoverFor === link && !(popover && popover.matches(":hover"))) hideDefinition();
      });
      link.addEventListener("click", function (event) {
        // A first tap on a touch screen shows the definition; a second one follows the link.
        if (lastPointer === "touch" && !shownBeforeTap && link.hasAttribute("href")) {
          event.preventDefault();
          showDefinition(link);
        }
        lastPointer = "mouse";
      });
      link.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && popoverFor !== link) { event.preventDefault(); showDefinition(link); }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && popoverFor) hideDefinition();
    });
    document.addEventListener("pointerdown", function (event) {
      if (popoverFor && !popoverFor.contains(event.target) && !(popover && popover.contains(event.target))) hideDefinition();
    });
  }

  // --- Plain reading: terms and instruments as words, not links ----------------------------
  var PLAIN_SETTING = "site.plain-reading";

  function plainReadingOn() {
    try { return window.localStorage.getItem(PLAIN_SETTING) === "on"; } catch (e) { return false; }
  }

  // A link without href is no link: not announced as one, not a Tab stop. Its address and
  // description wait in data attributes until plain reading is turned off.
  function setPlainReading(on) {
    document.documentElement.classList.toggle("plain-reading-on", on);
    Array.prototype.forEach.call(document.querySelectorAll("a.gl-term, a.gl-ref"), function (link) {
      var from = on ? "href" : "data-href";
      var to = on ? "data-href" : "href";
      if (link.hasAttribute(from)) { link.setAttribute(to, link.getAttribute(from)); link.removeAttribute(from); }
      from = on ? "aria-describedby" : "data-describedby";
      to = on ? "data-describedby" : "aria-describedby";
      if (link.hasAttribute(from)) { link.setAttribute(to, link.getAttribute(from)); link.removeAttribute(from); }
    });
    if (on) hideDefinition();
  }

  function setUpPlainReading() {
    if (plainReadingOn()) setPlainReading(true);
    var box = document.getElementById("plain-reading");
    if (!box) return;
    box.checked = plainReadingOn();
    box.addEventListener("change", function () {
      setPlainReading(box.checked);
      try {
        if (box.checked) { window.localStorage.setItem(PLAIN_SETTING, "on"); } else { window.localStorage.removeItem(PLAIN_SETTING); }
      } catch (e) { /* storage refused: the setting lasts until the page is left */ }
    });
  }

  // --- Addresses ---------------------------------------------------------------------------
  // The ways people write a paragraph's address, to its anchor: "OP 1 (c)", "#op1C", "1(c)",
  // "para 1 (c)", "operative paragraph 1 (c) (ii)", "pp03", "preambular paragraph 14", "fn2".
  // "" when the text is not an address. Whether the paragraph exists is for the caller to see.
  var PARTS = [
    [/^(preambular\s+paragraph|preambular\s+para\.?|preamble|pp\.?)\s*/, "pp"],
    [/^(operative\s+paragraph|operative\s+para\.?|paragraph|paras?\.?|op\.?)\s*/, "op"],
    [/^(footnote|note|fn)\s*/, "fn"],
    [/^annex\s*(\d*)\s*,?\s*(paragraph|para\.?)?\s*-?\s*/, "annex"]
  ];

  function paragraphAddress(text) {
    var value = String(text || "");
    if (value.indexOf("#") >= 0) value = value.slice(value.indexOf("#") + 1);
    try { value = decodeURIComponent(value); } catch (e) { /* as typed */ }
    value = value.toLowerCase().replace(/[\s.,;:]+$/, "").replace(/^\s+/, "");
    var prefix = /^\d/.test(value) ? "op" : "";
    for (var i = 0; i < PARTS.length && !prefix; i++) {
      var match = PARTS[i][0].exec(value);
      if (!match) continue;
      prefix = PARTS[i][1] === "annex" ? "annex" + (match[1] && match[1] !== "1" ? match[1] : "") + "-" : PARTS[i][1];
      value = value.slice(match[0].length);
    }
    var parts = /^0*(\d+)((?:[\s\-.]*\(?\s*[a-z]+\s*\)?|[\s.]*-\s*\d+|[\s\-.]*\(\s*\d+\s*\))*)$/.exec(value);
    if (!prefix || !parts) return "";
    var anchor = prefix + parts[1];
    (parts[2].match(/[a-z]+|\d+/g) || []).forEach(function (level) {
      // As the build makes them: a letter joins a number directly, deeper levels with a hyphen.
      anchor += /^[a-z]+$/.test(level) && /\d$/.test(anchor) ? level : "-" + level.replace(/^0+(?=\d)/, "");
    });
    return anchor;
  }

  function paragraphElement(text) {
    var target = document.getElementById(String(text).replace(/^#/, ""));
    if (!target) {
      var anchor = paragraphAddress(text);
      target = anchor && document.getElementById(anchor);
    }
    return target && target.matches(".para, .footnote") ? target : null;
  }

  // A short, polite notice naming what was not found, with the parts of the text to go to.
  function notFound(text) {
    var notice = document.getElementById("address-notice");
    if (!notice) return;
    notice.textContent = "";
    var message = document.createElement("p");
    message.textContent = "There is no paragraph \u201c" + text + "\u201d in this text. Its parts:";
    var list = document.createElement("ul");
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset h2[id]"), function (heading) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + heading.id;
      link.textContent = heading.textContent.trim();
      item.appendChild(link);
      list.appendChild(item);
    });
    notice.appendChild(message);
    notice.appendChild(list);
    notice.scrollIntoView({ block: "nearest" });
  }

  function clearNotice() {
    var notice = document.getElementById("address-notice");
    if (notice) notice.textContent = "";
  }

  // --- Arriving at a paragraph -----------------------------------------------------------
  function focusTarget() {
    var id = window.location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* as written */ }
    var previous = document.querySelector(".is-target");
    if (previous) previous.classList.remove("is-target");
    if (!id || document.getElementById(id) && !paragraphElement(id)) return;
    var target = paragraphElement(id);
    if (!target) { notFound(id); return; }
    clearNotice();
    // "#OP1c" and "#pp03" arrive at op1c and pp3, and the address bar says so.
    if (target.id !== id) window.history.replaceState(null, "", "#" + target.id);
    target.classList.add("is-target");
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  }

  // --- Copy buttons beside the citation texts of a paragraph's own page ---------------------
  // A form the build wrote without an address (it knows none for the site) carries itself with
  // a slot for one: the page's own address goes there. An address from the browser has its
  // quotes and braces percent-encoded, so it needs no escaping in BibTeX or JSON.
  var ADDRESS_SLOT = "<address>";

  function fillAddresses() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-address-form]"), function (source) {
      var shown = source.querySelector("code") || source;
      shown.textContent = source.getAttribute("data-address-form").split(ADDRESS_SLOT).join(here());
    });
    // The address printed at the end of a page, left empty by the build for the same reason.
    var printed = document.querySelector(".print-address");
    if (printed && !printed.textContent.trim()) printed.textContent = here();
  }

  function setUpCopyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll(".copyable[data-copy-label]"), function (source) {
      var label = source.getAttribute("data-copy-label");
      var button = menuButton(label, function () {
        copyText(source.textContent).then(function () {
          showCopied(button, label);
          announce("Copied.");
        }, function () { announce("Could not copy: select the text above to copy it."); });
      });
      button.className = "copy-button";
      source.insertAdjacentElement("afterend", button);
    });
  }

  function setUpGoTo() {
    var form = document.getElementById("goto-form");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var typed = form.elements.paragraph.value.trim();
      if (!typed) return;
      var target = paragraphElement(typed);
      if (!target) { notFound(typed); return; }
      if (window.location.hash === "#" + target.id) { focusTarget(); } else { window.location.hash = target.id; }
    });
  }

  // --- Where the reader is -----------------------------------------------------------------
  // The paragraph at the top of the reading area (below the sticky header, whose height is the
  // page's scroll padding), told to the theme as "reader:position" with its marginal label.
  function setUpPosition() {
    var paragraphs = Array.prototype.slice.call(document.querySelectorAll(".para[id]"));
    if (!paragraphs.length) return;
    var current = null;
    var pending = false;
    function update() {
      pending = false;
      var top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      var reading = top + (window.innerHeight - top) / 3;
      var found = null;
      for (var i = 0; i < paragraphs.length; i++) {
        var box = paragraphs[i].getBoundingClientRect();
        if (box.bottom > top + 4) { if (box.top < reading) found = paragraphs[i]; break; }
      }
      if (found === current) return;
      current = found;
      var mark = found && found.querySelector(".para-mark");
      document.dispatchEvent(new CustomEvent("reader:position", {
        detail: { anchor: found ? found.id : "", label: mark ? mark.textContent : "" }
      }));
    }
    function later() {
      if (!pending) { pending = true; window.requestAnimationFrame(update); }
    }
    window.addEventListener("scroll", later, { passive: true });
    // Measured at the next frame, not while the page starts: reading the paragraphs' places
    // now would make the browser lay out the whole text inside this script's own task.
    later();
  }

  function start() {
    fillAddresses();
    setUpCopyButtons();
    setUpParagraphLinks();
    setUpDefinitions();
    loadDefinitionsWhenNeeded();
    setUpPlainReading();
    setUpGoTo();
    window.addEventListener("hashchange", focusTarget);
    focusTarget();
    setUpPosition();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
