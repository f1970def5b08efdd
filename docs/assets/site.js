/* The resolution's site: what JavaScript adds to pages that work without it.
   - single-key shortcuts of the theme off unless the reader turns them on (WCAG 2.1.4);
   - a paragraph's link control opens a menu: copy its link, copy a citation, its terms;
   - definitions of terms and instruments shown where they stand (hover, focus, tap);
   - the paragraph a link arrives at is highlighted and receives focus;
   - what the theme leaves out of reach of the keyboard: the navigation drawer's toggle (a
     label), the skip link's target, and the setting that turns the shortcuts on. */
(function () {
  "use strict";

  document.documentElement.classList.add("site-js");

  var SHORTCUT_KEYS = ["f", "s", "/", "p", "n", ",", "."];
  var SHORTCUTS_SETTING = "site.shortcuts";

  function shortcutsOn() {
    try { return window.localStorage.getItem(SHORTCUTS_SETTING) === "on"; } catch (e) { return false; }
  }

  function isEditable(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  // Capture on window runs before the theme's own listeners, so it can stop them.
  window.addEventListener("keydown", function (event) {
    if (shortcutsOn() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (SHORTCUT_KEYS.indexOf(event.key) >= 0 && !isEditable(event.target)) event.stopImmediatePropagation();
  }, true);

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

  // --- The theme's controls, for the keyboard -----------------------------------------------
  function setToggle(toggle, checked) {
    if (toggle.checked === checked) return;
    toggle.checked = checked;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // The drawer's toggle is a label: a real button takes its place (the label stays for pages
  // without this script).
  function setUpDrawerButton() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('label.md-header__button[for="__drawer"]');
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !label || !drawer) return;
    drawer.id = drawer.id || "site-drawer";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon site-drawer-button";
    button.setAttribute("aria-label", "Navigation menu");
    button.setAttribute("aria-controls", drawer.id);
    button.innerHTML = label.innerHTML;
    label.insertAdjacentElement("afterend", button);

    function sync() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      if (!toggle.checked && drawer.contains(document.activeElement)) button.focus();
    }
    button.addEventListener("click", function () {
      setToggle(toggle, !toggle.checked);
      if (toggle.checked) {
        var first = drawer.querySelector("a[href]");
        if (first) first.focus();
      }
    });
    toggle.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        setToggle(toggle, false);
        button.focus();
      }
    });
    // Tabbing out of the open drawer closes it: the page behind it is dimmed by an overlay.
    document.addEventListener("focusin", function (event) {
      if (toggle.checked && event.target !== button && !drawer.contains(event.target)) setToggle(toggle, false);
    });
    sync();
  }

  // Without autocomplete="off" (invalid on checkboxes) a browser may restore an open drawer or
  // search when the reader comes back to a page: start closed (but for a search in the address).
  function resetToggles() {
    var ids = /[?&]q=/.test(window.location.search) ? ["__drawer"] : ["__drawer", "__search"];
    ids.forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle) setToggle(toggle, false);
    });
  }

  // The colour scheme switch is a pair of radio buttons, neither of them checked when the
  // scheme follows the system: Tab then lands on the first, whose focus ring is drawn on a
  // hidden label. Check the one in use, as the theme would, so focus lands where it shows.
  function syncPaletteRadios() {
    var inputs = document.querySelectorAll('form[data-md-component="palette"] input.md-option');
    if (!inputs.length) return;
    var index = -1;
    Array.prototype.forEach.call(inputs, function (input, i) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL" && !label.hidden) index = i;
    });
    if (index < 0) {
      var stored = null;
      try { stored = typeof window.__md_get === "function" ? window.__md_get("__palette") : null; } catch (e) { stored = null; }
      index = stored && typeof stored.index === "number" ? stored.index
        : Array.prototype.findIndex.call(inputs, function (input) {
          return window.matchMedia(input.getAttribute("data-md-color-media") || "not all").matches;
        });
    }
    index = Math.max(0, Math.min(index, inputs.length - 1));
    if (!inputs[index].checked) inputs[index].checked = true;
  }

  function setUpPaletteRadios() {
    syncPaletteRadios();
    new MutationObserver(syncPaletteRadios).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  // The skip link moves focus, not only the view, to the main content.
  function setUpSkipLink() {
    var holder = document.querySelector('[data-md-component="skip"]');
    if (!holder) return;
    var skip = holder.querySelector("a");
    if (!skip) {
      // A page without a table of contents (the 404 page) gets one to its heading.
      var heading = document.querySelector(".md-content h1");
      if (!heading) return;
      heading.id = heading.id || "page-title";
      skip = document.createElement("a");
      skip.className = "md-skip";
      skip.href = "#" + heading.id;
      skip.textContent = "Skip to content";
      holder.appendChild(skip);
    }
    skip.addEventListener("click", function (event) {
      var target = document.getElementById(decodeURIComponent(skip.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    });
  }

  // A heading's permalink reads "¶" to a screen reader: name it after its heading.
  function nameHeadingLinks() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset .headerlink"), function (link) {
      var heading = link.parentElement;
      var text = heading.textContent.replace(link.textContent, "").trim();
      if (text) link.setAttribute("aria-label", "Link to the section " + text);
    });
  }

  // The number of search results is announced as the reader types (partials/search.html makes
  // it a live region; this covers a theme template without it).
  function setUpSearchStatus() {
    var meta = document.querySelector(".md-search-result__meta");
    if (meta && !meta.hasAttribute("role")) {
      meta.setAttribute("role", "status");
      meta.setAttribute("aria-live", "polite");
    }
  }

  // The setting on the accessibility statement that turns the single-key shortcuts on.
  function setUpShortcutSetting() {
    var box = document.getElementById("shortcut-setting");
    if (!box) return;
    var wrapper = box.closest(".shortcut-setting");
    if (wrapper) wrapper.hidden = false;
    box.checked = shortcutsOn();
    box.addEventListener("change", function () {
      try {
        if (box.checked) {
          window.localStorage.setItem(SHORTCUTS_SETTING, "on");
        } else {
          window.localStorage.removeItem(SHORTCUTS_SETTING);
        }
      } catch (e) { /* storage refused: the setting lasts until the page is left */ }
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
    setUpDrawerButton();
    setUpPaletteRadios();
    setUpSkipLink();
    nameHeadingLinks();
    setUpSearchStatus();
    setUpShortcutSetting();
    setUpParagraphLinks();
    setUpDefinitions();
    resetToggles();
    window.addEventListener("pageshow", function (event) { if (event.persisted) resetToggles(); });
    window.addEventListener("hashchange", focusTarget);
    focusTarget();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
