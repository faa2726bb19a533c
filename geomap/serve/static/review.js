/* geomap review page: uses only the JSON API (/api/...). Untrusted text (articles, quotes,
 * names, notes) reaches the DOM only through textContent / text nodes: never innerHTML. */
(function () {
  "use strict";
  var SIDES = ["russia", "ukraine", "third-party"];
  var TYPES = ["captured", "holding", "denied", "advancing", "fighting", "withdrawn", "strike",
               "assessment", "other"];
  var PRECISIONS = ["day", "month", "year"];
  var CSRF = document.querySelector('meta[name="geomap-csrf"]').content;
  var state = { items: [], next: null, sel: -1, detail: null, filters: "", map: null,
                addSel: null, reviewer: "" };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function options(select, values, labels) {
    values.forEach(function (v, i) {
      var o = el("option", null, labels ? labels[i] : v);
      o.value = v;
      select.appendChild(o);
    });
  }
  function say(text, kind) {
    var m = $("message");
    m.textContent = text || "";
    m.className = kind || "";
  }

  function api(method, path, body) {
    var init = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.headers["X-CSRF-Token"] = CSRF;
      body.reviewer = state.reviewer || undefined;
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) {
          var err = new Error(j.error || ("HTTP " + r.status));
          err.status = r.status;
          throw err;
        }
        return j;
      });
    });
  }
  function fail(e) { say(e.message, "error"); }

  // -- filters and queue ------------------------------------------------------------------
  function filterQuery() {
    var f = $("filters"), parts = [];
    Array.prototype.forEach.call(f.elements, function (x) {
      if (x.name && x.value !== "") { parts.push(encodeURIComponent(x.name) + "=" + encodeURIComponent(x.value)); }
    });
    return parts.join("&");
  }
  function dateLabel(d, precision) {
    if (!d) { return "undated"; }
    return precision === "month" ? d.slice(0, 7) : precision === "year" ? d.slice(0, 4) : d;
  }
  function queueItem(c, i) {
    var li = el("li");
    li.id = "q-" + c.id;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.dataset.claimId = String(c.id);
    var st = el("span", "st st-" + c.review_status, c.review_status);
    li.appendChild(st);
    li.appendChild(el("strong", null, c.place.name));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", "side-" + c.side, c.side));
    li.appendChild(document.createTextNode(" " + c.type + " \u00b7 " + dateLabel(c.date, c.date_precision) +
      " \u00b7 conf " + c.confidence.toFixed(2) + " \u00b7 #" + c.id));
    li.addEventListener("click", function () { select(i); });
    return li;
  }
  function loadQueue(reset) {
    var q = state.filters + (state.filters ? "&" : "");
    var url = "/api/claims?" + q + "limit=50" + (reset || !state.next ? "" : "&cursor=" + encodeURIComponent(state.next));
    return api("GET", url).then(function (j) {
      if (reset) { state.items = []; $("queue").textContent = ""; state.sel = -1; }
      j.claims.forEach(function (c) {
        var i = state.items.length;
        state.items.push(c);
        $("queue").appendChild(queueItem(c, i));
      });
      state.next = j.next;
      $("more").hidden = !j.next;
      if (reset) {
        if (state.items.length) { select(0); } else { clearDetail("No claims match these filters."); }
      }
    }).catch(fail);
  }
  function refreshStats() {
    return api("GET", "/api/stats").then(function (j) {
      var s = j.statuses;
      $("stats").textContent = s.unreviewed + " to review, " + s.confirmed + " confirmed, " + s.rejected + " rejected";
    }).catch(fail);
  }
  function select(i) {
    if (i < 0 || i >= state.items.length) { return; }
    var list = $("queue");
    if (state.sel >= 0 && list.children[state.sel]) { list.children[state.sel].setAttribute("aria-selected", "false"); }
    state.sel = i;
    var li = list.children[i];
    li.setAttribute("aria-selected", "true");
    list.setAttribute("aria-activedescendant", li.id);
    li.scrollIntoView({ block: "nearest" });
    if (i >= state.items.length - 3 && state.next) { loadQueue(false); }
    return loadDetail(state.items[i].id);
  }
  function updateItem(id, status, version) {
    for (var i = 0; i < state.items.length; i++) {
      if (state.items[i].id === id) {
        state.items[i].review_status = status;
        state.items[i].version = version;
        var st = $("queue").children[i].querySelector(".st");
        st.className = "st st-" + status;
        st.textContent = status;
      }
    }
  }

  // -- one claim --------------------------------------------------------------------------
  function clearDetail(text) {
    state.detail = null;
    $("facts").textContent = "";
    $("article").textContent = "";
    $("history").textContent = "";
    say(text || "");
  }
  function fact(dl, name, value, cls) {
    dl.appendChild(el("dt", null, name));
    var dd = el("dd", cls || null);
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = value === null || value === undefined ? "\u2014" : String(value); }
    dl.appendChild(dd);
  }
  function safeUrl(u) { return (typeof u === "string" && /^https?:\/\/[^\s<>"'`]+$/i.test(u)) ? u : null; }
  function loadDetail(id) {
    hideForms();
    return api("GET", "/api/claims/" + id).then(function (d) {
      state.detail = d;
      renderDetail(d);
      loadTimeline(d.place.id, d.id);
      focusOnMap(d.place.id);
    }).catch(fail);
  }
  function renderDetail(d) {
    var dl = $("facts");
    dl.textContent = "";
    fact(dl, "Claim", "#" + d.id + " (version " + d.version + ", " + d.origin + ")");
    fact(dl, "Status", d.review_status, "st-" + d.review_status);
    fact(dl, "Claimant", d.claimant);
    var side = el("span", "side-" + d.side, d.side);
    fact(dl, "Side / type", side);
    side.parentNode.appendChild(document.createTextNode(" " + d.type));
    var place = d.place.name + " (id " + d.place.id + ", " + d.place.precision +
      (d.place_as_written && d.place_as_written !== d.place.name ? "; written \u201c" + d.place_as_written + "\u201d" : "") + ")";
    fact(dl, "Place", place);
    var alts = d.alternatives.filter(function (a) { return a.id !== d.place.id; }).slice(0, 5);
    fact(dl, "Alternatives", alts.length ? alts.map(function (a) {
      return a.name + " (" + [a.admin1, a.country].filter(Boolean).join(", ") + "; " + a.km + " km away)";
    }).join("; ") : "none in the gazetteer");
    fact(dl, "Date", d.date ? dateLabel(d.date, d.date_precision) + " (precision: " + d.date_precision + ")" : "undated");
    fact(dl, "Confidence", d.confidence.toFixed(2) + (d.extractor ? " (" + d.extractor + " " + (d.extractor_version || "") + ")" : ""));
    if (d.source) {
      var s = d.source, label = (s.outlet || "") + (s.title ? ": " + s.title : "") + (s.published ? " (" + s.published + ")" : "");
      var url = safeUrl(s.url), node;
      if (url) { node = el("a", null, label || url); node.href = url; node.rel = "noopener noreferrer nofollow"; node.target = "_blank"; }
      else { node = el("span", null, label || "source #" + s.id); }
      fact(dl, "Source", node);
    }
    if (d.notes) { fact(dl, "Notes", d.notes); }
    renderArticle(d);
    renderHistory(d.history);
    say("");
  }
  // The article as text nodes, the claim's quote in <mark class="q-current">, the article's
  // other claims in <mark class="q-other">; offsets are the stored character offsets.
  function renderArticle(d) {
    var box = $("article");
    box.textContent = "";
    var text = d.text;
    if (text === null || text === undefined) {
      box.appendChild(el("p", "hint", "The article text was not stored with this source (ingested before geomap kept texts); the quote:"));
      box.appendChild(el("mark", "q-current", d.quote || ""));
      $("btn-add").disabled = true;
      return;
    }
    $("btn-add").disabled = false;
    var spans = [];
    function ok(s, e) { return typeof s === "number" && typeof e === "number" && s >= 0 && e <= text.length && s < e; }
    d.article_claims.forEach(function (o) { if (ok(o.start, o.end)) { spans.push(o); } });
    var cur = ok(d.start, d.end) ? { start: d.start, end: d.end } : null;
    var cuts = [0, text.length];
    spans.concat(cur ? [cur] : []).forEach(function (s) { cuts.push(s.start, s.end); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1], piece = text.slice(a, b);
      if (cur && a >= cur.start && b <= cur.end) {
        var m = el("mark", "q-current", piece);
        if (a === cur.start) { m.id = "current-quote"; }
        m.title = "This claim's quote";
        box.appendChild(m);
        continue;
      }
      var over = spans.filter(function (s) { return a >= s.start && b <= s.end; });
      if (over.length) {
        var o = over[0], mk = el("mark", "q-other st-" + o.review_status, piece);
        mk.title = "Claim #" + o.id + ": " + o.place + ", " + o.side + " " + o.type + " (" + o.review_status + ")";
        mk.dataset.claimId = String(o.id);
        box.appendChild(mk);
      } else {
        box.appendChild(document.createTextNode(piece));
      }
    }
    var q = $("current-quote");
    if (q) { box.scrollTop = Math.max(0, q.offsetTop - box.offsetTop - 40); }
  }
  function renderHistory(rows) {
    var ol = $("history");
    ol.textContent = "";
    if (!rows.length) { ol.appendChild(el("li", null, "no review changes yet")); return; }
    rows.forEach(function (r) {
      var line = r.at + " " + r.who + " " + r.action;
      if (r.field) { line += ": " + r.field + " " + (r.old === null ? "\u2014" : r.old) + " \u2192 " + (r.new === null ? "\u2014" : r.new); }
      if (r.note) { line += " (\u201c" + r.note + "\u201d)"; }
      ol.appendChild(el("li", null, line + " [v" + r.version + "]"));
    });
  }

  // -- actions ----------------------------------------------------------------------------
  function hideForms() {
    ["reject-form", "edit-form", "add-form"].forEach(function (id) { $(id).hidden = true; });
  }
  function afterChange(res, status, text) {
    say(text, "ok");
    updateItem(res.id, status, res.version);
    refreshStats();
    refreshMap(false);
  }
  function conflict(e) {
    fail(e);
    if (e.status === 409 && state.detail) {
      var id = state.detail.id;
      api("GET", "/api/claims/" + id).then(function (d) {
        state.detail = d; renderDetail(d); say(e.message, "error");
        updateItem(d.id, d.review_status, d.version);
      });
    }
  }
  function confirmClaim() {
    var d = state.detail; if (!d) { return; }
    api("POST", "/api/claims/" + d.id + "/confirm", { version: d.version }).then(function (res) {
      afterChange(res, "confirmed", "Confirmed claim #" + d.id + ".");
      if (state.sel + 1 < state.items.length) { select(state.sel + 1).then(function () { say("Confirmed claim #" + d.id + ".", "ok"); }); }
      else { loadDetail(d.id); }
    }).catch(conflict);
  }
  function openReject() {
    if (!state.detail) { return; }
    hideForms();
    $("reject-form").hidden = false;
    $("reject-note").value = "";
    $("reject-note").focus();
  }
  function submitReject(ev) {
    ev.preventDefault();
    var d = state.detail, note = $("reject-note").value.trim();
    if (!note) { say("Say why the claim is wrong.", "error"); $("reject-note").focus(); return; }
    api("POST", "/api/claims/" + d.id + "/reject", { version: d.version, note: note }).then(function (res) {
      hideForms();
      afterChange(res, "rejected", "Rejected claim #" + d.id + ".");
      $("queue").focus();
      if (state.sel + 1 < state.items.length) { select(state.sel + 1).then(function () { say("Rejected claim #" + d.id + ".", "ok"); }); }
    }).catch(conflict);
  }
  function km(a, b) {
    var r = Math.PI / 180, dp = (b.lat - a.lat) * r, dl = (b.lon - a.lon) * r;
    var h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.pow(Math.sin(dl / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  function placeChoices(box, places, group, checkedId, from) {
    box.textContent = "";
    if (!places.length) { box.appendChild(el("span", "hint", "no place found")); return; }
    places.forEach(function (p, i) {
      var lab = el("label"), r = el("input");
      r.type = "radio"; r.name = group; r.value = p.id;
      r.checked = checkedId ? p.id === checkedId : i === 0;
      lab.appendChild(r);
      var where = [p.admin1, p.country].filter(Boolean).join(", ");
      var dist = from ? " \u00b7 " + km(from, p).toFixed(1) + " km from the current place" : "";
      lab.appendChild(document.createTextNode(p.name + " (" + p.precision + (where ? ", " + where : "") + "; id " + p.id + ")" + dist));
      box.appendChild(lab);
    });
  }
  function searchPlaces(q, box, group, from) {
    return api("GET", "/api/places?q=" + encodeURIComponent(q)).then(function (j) {
      placeChoices(box, j.places, group, null, from);
    }).catch(fail);
  }
  function openEdit() {
    var d = state.detail; if (!d) { return; }
    hideForms();
    var alts = d.alternatives.slice();
    if (!alts.some(function (a) { return a.id === d.place.id; })) { alts.unshift(d.place); }
    placeChoices($("edit-places"), alts, "edit-place", d.place.id, d.place);
    $("edit-side").value = d.side; $("edit-type").value = d.type;
    $("edit-date").value = d.date || ""; $("edit-precision").value = d.date_precision;
    $("edit-note").value = ""; $("edit-q").value = d.place_as_written || d.place.name;
    $("edit-form").hidden = false;
    var first = $("edit-places").querySelector("input:checked") || $("edit-q");
    first.focus();
  }
  function checked(group) {
    var r = document.querySelector('input[name="' + group + '"]:checked');
    return r ? r.value : null;
  }
  function submitEdit(ev) {
    ev.preventDefault();
    var d = state.detail, body = { version: d.version }, n = 0;
    var pid = checked("edit-place");
    if (pid && pid !== d.place.id) { body.place_id = pid; n++; }
    if ($("edit-side").value !== d.side) { body.side = $("edit-side").value; n++; }
    if ($("edit-type").value !== d.type) { body.type = $("edit-type").value; n++; }
    if (($("edit-date").value || null) !== d.date) { body.claim_date = $("edit-date").value || null; n++; }
    if ($("edit-precision").value !== d.date_precision) { body.date_precision = $("edit-precision").value; n++; }
    if ($("edit-note").value.trim()) { body.note = $("edit-note").value.trim(); }
    if (!n) { say("Nothing changed.", "error"); return; }
    api("PATCH", "/api/claims/" + d.id, body).then(function (res) {
      hideForms();
      afterChange(res, "confirmed", "Saved claim #" + d.id + " (" + res.changed.join(", ") + ").");
      loadDetail(d.id).then(function () {
        if (state.detail) { refreshItem(state.detail); }
        say("Saved claim #" + d.id + " (" + res.changed.join(", ") + ").", "ok");
      });
      $("queue").focus();
    }).catch(conflict);
  }
  // Redraw a queue row from the claim as now stored (after an edit: place, side, type, date).
  function refreshItem(d) {
    for (var i = 0; i < state.items.length; i++) {
      if (state.items[i].id !== d.id) { continue; }
      var c = state.items[i];
      c.place = { id: d.place.id, name: d.place.name }; c.side = d.side; c.type = d.type;
      c.date = d.date; c.date_precision = d.date_precision; c.review_status = d.review_status;
      c.version = d.version;
      var old = $("queue").children[i], li = queueItem(c, i);
      li.setAttribute("aria-selected", old.getAttribute("aria-selected"));
      $("queue").replaceChild(li, old);
    }
  }
  // Offsets of the selection inside #article: text nodes in order are the article text.
  function selectionOffsets() {
    var sel = window.getSelection(), box = $("article");
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return null; }
    var range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) { return null; }
    function offset(node, off) {
      var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT), total = 0, t;
      if (node.nodeType !== Node.TEXT_NODE) {
        var probe = document.createRange();
        probe.setStart(box, 0); probe.setEnd(node, off);
        return probe.toString().length;
      }
      while ((t = walker.nextNode())) {
        if (t === node) { return total + off; }
        total += t.nodeValue.length;
      }
      return null;
    }
    var s = offset(range.startContainer, range.startOffset), e = offset(range.endContainer, range.endOffset);
    if (s === null || e === null || e <= s) { return null; }
    return { start: s, end: e, text: state.detail.text.slice(s, e) };
  }
  function openAdd() {
    var d = state.detail; if (!d || !d.text) { return; }
    var s = selectionOffsets();
    if (!s) { say("Select the words of the missed claim in the article first.", "error"); $("article").focus(); return; }
    hideForms();
    state.addSel = s;
    $("add-quote").textContent = s.text;
    $("add-q").value = s.text.trim().split(/\s+/).slice(0, 3).join(" ");
    $("add-side").value = d.side; $("add-type").value = d.type;
    $("add-date").value = d.date || ""; $("add-precision").value = d.date_precision;
    $("add-claimant").value = d.claimant || "";
    $("add-form").hidden = false;
    $("add-places").textContent = "";
    searchPlaces($("add-q").value, $("add-places"), "add-place", d.place).then(function () { $("add-q").focus(); });
  }
  function submitAdd(ev) {
    ev.preventDefault();
    var d = state.detail, s = state.addSel, pid = checked("add-place");
    if (!pid) { say("Pick a place for the new claim (search the gazetteer).", "error"); return; }
    var body = { source_id: d.source.id, start: s.start, end: s.end, place_id: pid,
                 side: $("add-side").value, type: $("add-type").value,
                 claim_date: $("add-date").value || null, date_precision: $("add-precision").value,
                 claimant: $("add-claimant").value || null, place_as_written: $("add-q").value || null };
    api("POST", "/api/claims", body).then(function (res) {
      hideForms();
      say("Added claim #" + res.id + ".", "ok");
      refreshStats(); refreshMap(false);
      loadDetail(d.id).then(function () { say("Added claim #" + res.id + ".", "ok"); });
    }).catch(fail);
  }

  // -- map and timeline -------------------------------------------------------------------
  function buildMap(D, keepView) {
    var old = state.map, view = old && keepView ? { c: old.getCenter(), z: old.getZoom() } : null;
    if (old) { old.remove(); }
    var map = L.map("map", { zoomControl: true, attributionControl: true });
    state.map = map;
    var G = { places: L.featureGroup().addTo(map), sides: {}, fronts: {}, outline: null, rejected: null };
    var overlays = {};
    if (D.outline) { G.outline = L.featureGroup().addTo(map); }
    Object.keys(D.fronts || {}).forEach(function (h) {
      G.fronts[h] = L.featureGroup().addTo(map);
      overlays[D.style.fronts[h].label] = G.fronts[h];
    });
    overlays["Claimed places"] = G.places;
    SIDES.forEach(function (s) {
      G.sides[s] = L.layerGroup().addTo(map);
      overlays["Claims by " + D.style.sideLabels[s]] = G.sides[s];
    });
    if (D.hasRejected) { G.rejected = L.layerGroup().addTo(map); overlays["Rejected claims (struck through)"] = G.rejected; }
    L.control.layers(null, overlays, { collapsed: true }).addTo(map);
    geomapClaimsMap(map, D, G);
    // The legend starts folded (its title unfolds it): the map beside the queue is small.
    setTimeout(function () {  // after the script's own fitting, which runs on a timeout too
      var legend = document.querySelector("#map .geomap-legend");
      if (legend) { legend.classList.add("geomap-legend-folded"); }
    }, 0);
    if (view) { map.setView(view.c, view.z); }
    else {
      var b = G.places.getBounds();
      if (b.isValid()) { map.fitBounds(b.pad(0.2), { maxZoom: 8 }); } else { map.setView([48.5, 34], 6); }
    }
    $("map-note").textContent = "(" + D.count + " claims" + (D.count >= D.limit ? ", the newest " + D.limit : "") +
      (D.frontsSkipped ? "; fronts not drawn for " + D.frontsSkipped + " places: filter to see them" : "") + ")";
  }
  function refreshMap(fit) {
    return api("GET", "/api/map?" + state.filters).then(function (D) {
      buildMap(D, !fit);
      if (state.detail) { focusOnMap(state.detail.place.id, true); }
    }).catch(fail);
  }
  function focusOnMap(placeId, quiet) {
    var m = window.geomapMaps && window.geomapMaps.map;
    if (!m) { return; }
    var layer = m.layerOf(placeId);
    var e = document.querySelector("#map .geomap-selected");
    if (e) { e.classList.remove("geomap-selected"); }
    if (layer && layer.getElement && layer.getElement()) { layer.getElement().classList.add("geomap-selected"); }
    if (layer && !quiet && layer.getLatLng) { m.map.panTo(layer.getLatLng()); }
  }
  function loadTimeline(placeId, currentId) {
    return api("GET", "/api/places/" + encodeURIComponent(placeId) + "/timeline").then(function (t) {
      $("timeline-place").textContent = t.place.name;
      var ol = $("timeline");
      ol.textContent = "";
      t.claims.forEach(function (c) {
        var li = el("li", c.id === currentId ? "current" : null);
        li.appendChild(el("span", "t-date", dateLabel(c.date, c.date_precision)));
        li.appendChild(el("span", "side-" + c.side, c.side));
        li.appendChild(document.createTextNode(" " + c.type + " "));
        li.appendChild(el("span", "st-" + c.review_status, c.review_status));
        var b = el("button", null, "#" + c.id);
        b.type = "button";
        b.setAttribute("aria-label", "Open claim " + c.id);
        b.addEventListener("click", function () { openClaim(c.id); });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(b);
        ol.appendChild(li);
      });
    }).catch(fail);
  }
  function openClaim(id) {
    for (var i = 0; i < state.items.length; i++) { if (state.items[i].id === id) { return select(i); } }
    return loadDetail(id);
  }

  // -- keyboard ---------------------------------------------------------------------------
  function typing(t) {
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (ev.key === "Escape") { hideForms(); $("queue").focus(); return; }
    if (typing(ev.target)) { return; }
    var k = ev.key;
    if (k === "j") { select(state.sel + 1); }
    else if (k === "k") { select(state.sel - 1); }
    else if (k === "c") { confirmClaim(); }
    else if (k === "r") { openReject(); }
    else if (k === "e") { openEdit(); }
    else if (k === "a") { openAdd(); }
    else if (k === "/") { $("f-place").focus(); }
    else { return; }
    ev.preventDefault();
  });

  // -- start ------------------------------------------------------------------------------
  function init() {
    options($("f-type"), TYPES);
    [["edit-side", SIDES], ["add-side", SIDES], ["edit-type", TYPES], ["add-type", TYPES],
     ["edit-precision", PRECISIONS], ["add-precision", PRECISIONS]].forEach(function (x) { options($(x[0]), x[1]); });
    var who = $("reviewer");
    who.value = window.localStorage.getItem("geomap-reviewer") || document.querySelector('meta[name="geomap-reviewer"]').content;
    state.reviewer = who.value;
    who.addEventListener("change", function () { state.reviewer = who.value.trim(); window.localStorage.setItem("geomap-reviewer", state.reviewer); });
    $("filters").addEventListener("submit", function (ev) {
      ev.preventDefault();
      state.filters = filterQuery();
      loadQueue(true).then(function () { $("queue").focus(); });
      refreshMap(true);
    });
    $("more").addEventListener("click", function () { loadQueue(false); });
    [["edit-q", "edit-search"], ["add-q", "add-search"]].forEach(function (x) {
      $(x[0]).addEventListener("keydown", function (ev) {  // Enter searches, not submits
        if (ev.key === "Enter") { ev.preventDefault(); $(x[1]).click(); }
      });
    });
    $("btn-confirm").addEventListener("click", confirmClaim);
    $("btn-reject").addEventListener("click", openReject);
    $("btn-edit").addEventListener("click", openEdit);
    $("btn-add").addEventListener("click", openAdd);
    $("reject-form").addEventListener("submit", submitReject);
    $("edit-form").addEventListener("submit", submitEdit);
    $("add-form").addEventListener("submit", submitAdd);
    $("edit-search").addEventListener("click", function () { searchPlaces($("edit-q").value, $("edit-places"), "edit-place", state.detail && state.detail.place); });
    $("add-search").addEventListener("click", function () { searchPlaces($("add-q").value, $("add-places"), "add-place", state.detail && state.detail.place); });
    Array.prototype.forEach.call(document.querySelectorAll("form .cancel"), function (b) {
      b.addEventListener("click", function () { hideForms(); $("queue").focus(); });
    });
    refreshStats();
    Promise.all([loadQueue(true), refreshMap(true)]).then(function () {
      $("queue").focus();
      document.body.setAttribute("data-ready", "1");
    });
  }
  init();
})();
