/* The resolution's own markup: what JavaScript adds to pages that work without it.
   - a paragraph's link control opens a menu: copy its link, copy a citation, its terms;
   - definitions of terms and instruments shown where they stand (hover, focus, tap);
   - the paragraph a link arrives at is highlighted and receives focus.
   It knows only the markup the build writes (.para, a.para-link, a.gl-term, .footnote),
   nothing of the theme: material.js adapts the theme. */
(function () {
  "use strict";

  document.documentElement.classList.add("site-js");

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
  function paragraphUrl(anchor) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : window.location.href.split("#")[0];
    return base.split("#")[0] + "#" + anchor;
  }

  function citationFor(name, url) {
    var data = document.getElementById("citation-data");
    var template = data ? data.getAttribute("data-citation") : "{name}";
    return template.replace("{name}", name) + ", " + url;
  }

  function capitalised(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

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
      copy.href = link.href;
      copy.textContent = link.textContent;
      item.appendChild(copy);
      list.appendChild(item);
    });
    wrapper.appendChild(heading);
    wrapper.appendChild(list);
    return wrapper;
  }

  function buildMenu(control, paragraph) {
    var anchor = paragraph.id;
    var name = control.getAttribute("data-name");
    var url = paragraphUrl(anchor);
    var panel = document.createElement("div");
    panel.className = "para-menu";
    panel.id = "menu-" + anchor;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", capitalised(name));
    panel.appendChild(menuButton("Copy link", function () {
      copyText(url).then(function () { announce("Link to " + name + " copied."); },
        function () { announce("Could not copy. The link is " + url); });
    }));
    panel.appendChild(menuButton("Copy citation", function () {
      copyText(citationFor(name, url)).then(function () { announce("Citation of " + name + " copied."); },
        function () { announce("Could not copy the citation."); });
    }));
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
    panel.appendChild(goLine);
    var terms = termList(paragraph);
    if (terms) panel.appendChild(terms);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); closeMenu(true); }
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

  function setUpParagraphLinks() {
    Array.prototype.forEach.call(document.querySelectorAll("a.para-link"), function (control) {
      var label = control.getAttribute("aria-label") || "";
      control.setAttribute("data-name", label.replace(/^Link to /, ""));
      control.setAttribute("role", "button");
      control.setAttribute("aria-expanded", "false");
      control.addEventListener("click", function (event) {
        event.preventDefault();
        toggleMenu(control);
      });
      control.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); toggleMenu(control); }
        if (event.key === "Escape") closeMenu(true);
      });
    });
    document.addEventListener("click", function (event) {
      if (openMenu && !openMenu.panel.contains(event.target) && event.target !== openMenu.control) closeMenu(false);
    });
  }

  // --- Definitions where they stand -------------------------------------------------------
  var popover = null;
  var popoverFor = null;
  var hideTimer = 0;

  function definitionOf(link) {
    var id = link.getAttribute("aria-describedby");
    var source = id && document.getElementById(id);
    return source ? source.textContent : "";
  }

  function showDefinition(link) {
    var text = definitionOf(link);
    if (!text) return;
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
    if (popover) popover.hidden = true;
    popoverFor = null;
  }

  function hideDefinitionSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hideDefinition, 300);
  }

  function setUpDefinitions() {
    var links = document.querySelectorAll("a.gl-term[aria-describedby], a.gl-ref[aria-describedby]");
    var lastPointer = "mouse";
    var shownBeforeTap = false;
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("pointerdown", function (event) {
        lastPointer = event.pointerType;
        // A tap also focuses the link (which shows the definition) before its click: remember
        // whether the definition was already showing when the finger came down.
        shownBeforeTap = popoverFor === link && popover && !popover.hidden;
      });
      link.addEventListener("mouseenter", function () { showDefinition(link); });
      link.addEventListener("mouseleave", hideDefinitionSoon);
      link.addEventListener("focus", function () { showDefinition(link); });
      link.addEventListener("blur", function () {
        // Leaving by keyboard hides it at once, so it never covers the next focused control;
        // a pointer resting on the definition keeps it open.
        if (popoverFor === link && !(popover && popover.matches(":hover"))) hideDefinition();
      });
      link.addEventListener("click", function (event) {
        // A first tap on a touch screen shows the definition; a second one follows the link.
        if (lastPointer === "touch" && !shownBeforeTap) { event.preventDefault(); showDefinition(link); }
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

  // --- Arriving at a paragraph -----------------------------------------------------------
  function focusTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var previous = document.querySelector(".is-target");
    if (previous) previous.classList.remove("is-target");
    if (!id) return;
    var target = document.getElementById(id);
    if (!target || !target.matches(".para, .footnote")) return;
    target.classList.add("is-target");
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  }

  function start() {
    setUpParagraphLinks();
    setUpDefinitions();
    window.addEventListener("hashchange", focusTarget);
    focusTarget();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
