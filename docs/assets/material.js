/* Adapting the Material theme: its single-key shortcuts off unless the reader turns them on
   (WCAG 2.1.4), and what the theme leaves out of reach of the keyboard: the navigation
   drawer's toggle (a label), the skip link's target, the colour scheme switch and its names,
   the search's result count, its results' names and where focus goes when Escape closes it;
   the header shows the paragraph being read. reader.js handles the resolution's own markup. */
(function () {
  "use strict";

  // An attribute, not a class: see material.css ("The navigation drawer").
  document.documentElement.setAttribute("data-material-js", "");

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

  // Each radio is named for the scheme it selects ("Dark colour scheme"): the theme names it
  // for the other one ("Switch to the light colour scheme"), so that the checked radio said the
  // opposite of the scheme in use. The label that selects a radio carries that scheme's name.
  function namePaletteRadios() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-md-component="palette"] input.md-option'), function (input) {
      var label = document.querySelector('label[for="' + input.id + '"]');
      var scheme = (label && label.getAttribute("title") || "").replace(/^switch to (the )?/i, "");
      if (scheme) input.setAttribute("aria-label", scheme.charAt(0).toUpperCase() + scheme.slice(1));
    });
  }

  function setUpPaletteRadios() {
    namePaletteRadios();
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

  // The number of search results is announced as the reader types (partials/search.html makes
  // it a live region; this covers a theme template without it).
  function setUpSearchStatus() {
    var meta = document.querySelector(".md-search-result__meta");
    if (meta && !meta.hasAttribute("role")) {
      meta.setAttribute("role", "status");
      meta.setAttribute("aria-live", "polite");
    }
  }

  // --- The search: a near word named, never passed off as a match -----------------------------
  // When nothing contains the words typed, the search worker tries again allowing a typing
  // error, and tells the page (lazy-search.html: "search:results") which words of the site it
  // found instead. The line that counts the results, a live region, then says so, so that
  // "repatriation" never appears to be in the text when only "reparation" is.
  var nearResults = null;
  function nameNearWords() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta || !nearResults) return;
    var count = /^(\d+) matching documents?$/.exec(meta.textContent.trim());
    if (!count) return;
    var quoted = function (word) { return "\u201c" + word + "\u201d"; };
    var words = nearResults.words;
    meta.textContent = "Nothing on this site contains " + quoted(nearResults.typed.trim()) + ". " +
      count[1] + (count[1] === "1" ? " result" : " results") + " for " +
      (words.length === 1 ? "a word close to it: " + quoted(words[0]) : words.length ?
        "words close to it: " + words.map(quoted).join(", ") : "words close to it") + ".";
  }
  function setUpNearWords() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    new MutationObserver(nameNearWords).observe(meta, { childList: true, characterData: true, subtree: true });
    document.addEventListener("search:results", function (event) {
      nearResults = event.detail;
      nameNearWords();
    });
  }

  // --- The search: its results' names, and focus after Escape ----------------------------
  // A result link wraps an <article> with the result's title and the words around the match,
  // which leaves the link without a name in the accessibility tree. The link keeps the title
  // and is named by it; the words move to just after it (the theme's arrow keys find links by
  // their parent, so the link stays where it is), as its description, and open it on a click.
  var teaserCount = 0;
  function nameSearchResults() {
    Array.prototype.forEach.call(document.querySelectorAll("a.md-search-result__link:not([aria-label])"), function (link) {
      var article = link.querySelector("article");
      var title = article && article.querySelector("h1, h2");
      if (!title) return;
      link.setAttribute("aria-label", title.textContent.trim());
      var teaser = document.createElement("div");
      while (title.nextSibling) teaser.appendChild(title.nextSibling);
      if (!teaser.textContent.trim()) return;
      teaser.className = "md-search-result__article md-typeset site-search-teaser";
      teaser.id = "site-search-teaser-" + (teaserCount += 1);
      teaser.addEventListener("click", function () { link.click(); });
      link.setAttribute("aria-describedby", teaser.id);
      link.parentNode.insertBefore(teaser, link.nextSibling);
    });
  }

  // The theme would reopen the search when focus comes back to its field: the focus events of
  // that one move are kept from it.
  var focusingQuietly = false;
  ["focusin", "focusout"].forEach(function (type) {
    window.addEventListener(type, function (event) { if (focusingQuietly) event.stopImmediatePropagation(); }, true);
  });
  function focusQuietly(element) { focusingQuietly = true; element.focus(); focusingQuietly = false; }

  // The field, or on narrow screens, where the field is hidden while the search is closed, the
  // header's search button (a label, made a button that focus can return to).
  function searchControl(input) {
    var button = document.querySelector(".md-header__button[for='__search']");
    if (!button || button.offsetParent === null) return input;
    if (!button.hasAttribute("tabindex")) {
      button.setAttribute("tabindex", "-1");
      button.setAttribute("role", "button");
      button.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");
      button.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        // Kept from the theme, whose Enter would then open the best result of the search.
        event.preventDefault();
        event.stopPropagation();
        button.click();
      });
    }
    return button;
  }

  function setUpSearchFocus() {
    var toggle = document.getElementById("__search");
    var input = document.querySelector(".md-search__input");
    var list = document.querySelector(".md-search-result__list");
    if (!toggle || !input) return;
    if (list) new MutationObserver(nameSearchResults).observe(list, { childList: true, subtree: true });
    // Before the theme's own Escape, which blurs the field and leaves focus on the page's body.
    window.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      setToggle(toggle, false);
      var control = searchControl(input);
      if (control === input) { focusQuietly(input); } else { control.focus(); }
    }, true);
    // Typing in the field, or clicking it, after Escape closed the search opens it again.
    ["input", "click"].forEach(function (type) {
      input.addEventListener(type, function () { if (!toggle.checked) setToggle(toggle, true); });
    });
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

  // The paragraph being read (reader.js tells it), before the page's title in the header: the
  // header is sticky, so the label follows the reader and covers nothing more than it does.
  document.addEventListener("reader:position", function (event) {
    var topic = document.querySelector('[data-md-component="header-topic"] .md-ellipsis');
    if (!topic) return;
    var label = topic.querySelector(".site-position");
    if (!label) {
      label = document.createElement("span");
      label.className = "site-position";
      label.setAttribute("aria-hidden", "true");  // the reading cursor of a screen reader says it
      // First, so that a narrow header shortens the page's title rather than the label.
      topic.insertBefore(label, topic.firstChild);
    }
    label.textContent = event.detail.label ? event.detail.label + " \u00b7 " : "";
  });

  function start() {
    setUpDrawerButton();
    setUpPaletteRadios();
    setUpSkipLink();
    setUpSearchStatus();
    setUpNearWords();
    setUpSearchFocus();
    setUpShortcutSetting();
    resetToggles();
    window.addEventListener("pageshow", function (event) { if (event.persisted) resetToggles(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
