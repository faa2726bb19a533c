/* geomap: claims on a Leaflet map, styled and filtered client-side.
 * Untrusted text (names, claimants, quotes, titles) only ever reaches the DOM through
 * textContent; links are made only for http(s) URLs. No innerHTML, no template literals. */
function geomapClaimsMap(map, D, G) {
  "use strict";
  // The Leaflet this map was built with. A second fragment on the same page loads Leaflet
  // again and replaces window.L; layers this map makes later (fronts, on a slider or toggle)
  // must come from its own copy, or their ids collide with its existing layers.
  var L = window.L;
  var ST = D.style;
  var CAT = {};
  ST.categories.forEach(function (c) { CAT[c.key] = c; });
  var CONTROL = {}; ST.controlTypes.forEach(function (t) { CONTROL[t] = true; });
  var FIGHT = {}; ST.fightingTypes.forEach(function (t) { FIGHT[t] = true; });
  var OTHER_SIDE = { russia: "ukraine", ukraine: "russia" };
  // Review status of a claim row (index 7, only present for reviewed claims).
  var REVIEWS = D.reviews || ["unreviewed"];
  function review(c) { return c.length > 7 && c[7] !== null ? REVIEWS[c[7]] : "unreviewed"; }
  // the ids of the extraction rules that made a claim (provenance), as text
  function rulesOf(c) { return c.length > 8 && D.rules ? D.rules[c[8]] || "" : ""; }
  var dates = D.dates;
  var state = { idx: dates.length - 1, newestFirst: false };
  var control = geomapControl(map, D, G, L, el);  // assessed control (end of this file)
  var POPUP_PAGE = 100;  // claims rendered per "show more" step in a popup

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function safeUrl(u) {
    return (typeof u === "string" && /^https?:\/\/[^\s<>"'`]+$/i.test(u)) ? u : null;
  }
  function sideEnabled(side) {
    var g = G.sides[side];
    return !g || map.hasLayer(g);
  }
  function rejectedEnabled() { return !G.rejected || map.hasLayer(G.rejected); }
  function asOf() { return state.idx >= 0 && state.idx < dates.length ? dates[state.idx] : null; }
  function visible(claims) {
    var t = asOf(), out = [];
    for (var i = 0; i < claims.length; i++) {
      var c = claims[i];
      if (!sideEnabled(D.sides[c[1]])) { continue; }
      if (G.rejected && !rejectedEnabled() && review(c) === "rejected") { continue; }
      if (t !== null && c[0] !== "" && c[0] > t) { continue; }
      out.push(c);
    }
    return out;
  }
  function holder(side, type) {
    if (!OTHER_SIDE[side] || !CONTROL[type]) { return null; }
    return type === "withdrawn" ? OTHER_SIDE[side] : side;
  }
  // Same rule as geomap.query.control_status: each side's latest control claim (claims are
  // sorted oldest first, undated first; ties -> later one), contested when holders differ.
  // Rejected claims count for nothing; a place with only rejected claims is "rejected".
  function category(claims) {
    var latest = {}, fighting = false, strike = false, kept = 0;
    for (var i = 0; i < claims.length; i++) {
      if (review(claims[i]) === "rejected") { continue; }
      kept += 1;
      var side = D.sides[claims[i][1]], type = D.types[claims[i][2]];
      if (CONTROL[type] && OTHER_SIDE[side]) { latest[side] = type; }
      if (FIGHT[type]) { fighting = true; }
      if (type === "strike") { strike = true; }
    }
    if (claims.length > 0 && kept === 0) { return "rejected"; }
    var hr = latest.russia ? holder("russia", latest.russia) : null;
    var hu = latest.ukraine ? holder("ukraine", latest.ukraine) : null;
    if (hr && hu && hr !== hu) { return "contested"; }
    if (hr || hu) { return hr || hu; }
    if (fighting) { return "fighting"; }
    if (strike) { return "strike"; }
    return "other";
  }
  function pathStyle(cat, region) {
    var c = CAT[cat];
    return {
      color: c.color, fillColor: c.color, weight: region ? 2 : 2,
      dashArray: c.dash, opacity: c.hollow ? 0.7 : 0.95,
      fillOpacity: c.hollow ? 0 : region ? 0.18 : 0.75
    };
  }

  function claimItem(c) {
    var rv = review(c);
    var li = el("li", rv === "rejected" ? "geomap-claim geomap-claim-rejected" : "geomap-claim");
    var side = D.sides[c[1]];
    var head = el("div", "geomap-claim-head");
    head.appendChild(el("span", "geomap-claim-date", c[0] || "undated"));
    head.appendChild(document.createTextNode(" \u00b7 "));
    var s = el("span", "geomap-claim-side", ST.sideLabels[side] || side);
    s.style.color = ST.sideColors[side] || "#333";
    head.appendChild(s);
    head.appendChild(document.createTextNode(" \u00b7 "));
    head.appendChild(el("span", "geomap-claim-type", D.types[c[2]]));
    if (c[3]) {
      head.appendChild(document.createTextNode(" \u00b7 "));
      head.appendChild(el("span", "geomap-claim-claimant", c[3]));
    }
    if (rv === "confirmed") {
      head.appendChild(document.createTextNode(" "));
      var ok = el("span", "geomap-claim-confirmed", "\u2713 confirmed");
      ok.title = "A person reviewed this claim and confirmed it";
      head.appendChild(ok);
    } else if (rv === "rejected") {
      head.appendChild(document.createTextNode(" "));
      var no = el("span", "geomap-claim-rejected-mark", "\u2717 rejected");
      no.title = "A person reviewed this claim and rejected it: it counts for nothing on the map";
      head.appendChild(no);
    }
    li.appendChild(head);
    if (c[6]) { li.appendChild(el("div", "geomap-claim-written", "as written: " + c[6])); }
    var src = c[5] >= 0 ? D.sources[c[5]] : null;
    if (c[4]) {
      var q = el("blockquote", "geomap-claim-quote", c[4]);
      if (src && src[4]) {  // a quote kept in its language (uk, ru): marked with it
        q.lang = src[4];
        q.insertBefore(el("span", "geomap-claim-lang", "[" + src[4] + "] "), q.firstChild);
      }
      li.appendChild(q);
    }
    var rules = rulesOf(c);
    if (rules) {
      var ru = el("div", "geomap-claim-rules", "rules: " + rules);
      ru.title = "The extraction rules that made this claim";
      li.appendChild(ru);
    }
    if (src) {
      var label = src[1] || src[2] || src[0] || "source";
      if (src[3]) { label += " (" + src[3] + ")"; }
      var url = safeUrl(src[0]);
      var a;
      if (url) {
        a = el("a", "geomap-claim-source", label);
        a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
      } else {
        a = el("span", "geomap-claim-source", label);
      }
      li.appendChild(a);
    }
    control.mark(li, c);
    return li;
  }

  // A place's claims at the slider's date: a count, oldest first by default (the order button
  // flips it for every popup of this map), in a list that scrolls under a fixed header and
  // renders POPUP_PAGE claims at a time, so a place with thousands of claims opens at once.
  function popupContent(f) {
    var p = f.properties, claims = visible(p.c), n = claims.length, total = p.c.length;
    var box = el("div", "geomap-popup");
    var kind = p.r ? (p.h ? " (region; approximate outline, drawn around its settlements)" : " (region)") : "";
    box.appendChild(el("div", "geomap-popup-title", p.n + kind));
    box.appendChild(el("div", "geomap-popup-status", CAT[category(claims)].label));
    var bar = el("div", "geomap-popup-count");
    var count = (n === total ? String(n) : n + " of " + total) + (total === 1 ? " claim" : " claims");
    if (n !== total) { count += " (the rest are after the slider's date or in hidden layers)"; }
    bar.appendChild(el("span", "geomap-popup-n", count));
    var order = el("button", "geomap-popup-order");
    order.type = "button";
    if (n > 1) { bar.appendChild(order); }
    box.appendChild(bar);
    var list = el("ol", "geomap-claims");
    list.style.paddingLeft = (1.2 + 0.6 * String(n).length) + "em";
    box.appendChild(list);
    var more = el("button", "geomap-popup-more");
    more.type = "button";
    box.appendChild(more);
    var ordered = [], done = 0;
    function renderMore() {
      var stop = Math.min(ordered.length, done + POPUP_PAGE);
      for (; done < stop; done++) {
        var li = claimItem(ordered[done]);
        li.value = state.newestFirst ? n - done : done + 1;  // 1 = the oldest, in either order
        list.appendChild(li);
      }
      var left = ordered.length - done;
      more.style.display = left > 0 ? "" : "none";
      more.textContent = "show " + Math.min(left, POPUP_PAGE) + " more (" + left + " not shown)";
    }
    function render() {
      ordered = state.newestFirst ? claims.slice().reverse() : claims;
      list.textContent = "";
      list.scrollTop = 0;
      done = 0;
      order.textContent = state.newestFirst ? "newest first \u21c5" : "oldest first \u21c5";
      order.title = "Show the " + (state.newestFirst ? "oldest" : "newest") + " claims first";
      renderMore();
    }
    order.addEventListener("click", function () {
      state.newestFirst = !state.newestFirst;
      render();
    });
    more.addEventListener("click", renderMore);
    render();
    return box;
  }

  var regionPane = map.createPane("geomapRegions");
  regionPane.style.zIndex = 390;
  var frontPane = map.createPane("geomapFronts");
  frontPane.style.zIndex = 350;
  var outlinePane = map.createPane("geomapOutline");
  outlinePane.style.zIndex = 150;
  outlinePane.style.pointerEvents = "none";

  var entries = [];
  D.places.features.forEach(function (f) {
    var region = !!f.properties.r, layer;
    if (f.geometry.type === "Point") {
      var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
      var n = f.properties.c.length;
      layer = L.circleMarker(ll, {
        radius: Math.min(6 + 2 * Math.log(n) / Math.LN2, 14), className: "geomap-place"
      });
    } else {
      // A real boundary, or (h) a hull around the region's settlements where none is shipped.
      layer = L.GeoJSON.geometryToLayer(f, {
        className: f.properties.h ? "geomap-region geomap-region-approx" : "geomap-region geomap-region-boundary",
        pane: "geomapRegions"
      });
    }
    layer.feature = f;
    layer.bindTooltip(function () { return el("span", "geomap-tooltip", f.properties.n); },
                      { sticky: region });
    layer.bindPopup(function () { return popupContent(f); },
                    { maxWidth: 380, className: "geomap-popup-wrap" });
    layer.on("add", function () {
      var e = layer.getElement && layer.getElement();
      if (e) { e.setAttribute("data-place-id", f.properties.id); }
    });
    entries.push({ f: f, layer: layer, shown: false });
  });

  function update() {
    var shown = 0, claimsShown = 0;
    entries.forEach(function (e) {
      var v = visible(e.f.properties.c);
      if (v.length === 0) {
        if (e.shown) { G.places.removeLayer(e.layer); e.shown = false; }
        return;
      }
      shown += 1; claimsShown += v.length;
      e.layer.setStyle(pathStyle(category(v), !!e.f.properties.r));
      if (!e.shown) { G.places.addLayer(e.layer); e.shown = true; }
    });
    drawFronts();
    control.draw(asOf());
    if (api.onupdate) { api.onupdate(shown, claimsShown); }
    if (slider) { slider.refresh(shown, claimsShown); }
  }

  function addGeom(group, geom, style, cls) {
    if (!geom) { return; }
    var lyr = L.geoJSON({ type: "Feature", geometry: geom, properties: {} }, {
      style: function () { return style; }, pane: style.pane || "geomapFronts",
      interactive: false, className: cls
    });
    lyr.eachLayer(function (l) { l.options.className = cls; });
    group.addLayer(lyr);
  }
  // Claimed fronts: the last step whose date is <= the slider's date (see front_steps), in the
  // view computed from the claims of the side layers switched on (russia, ukraine or both).
  var frontShape = -2, frontsNote = "";
  function frontView() {
    var ru = sideEnabled("russia"), ua = sideEnabled("ukraine");
    return ru && ua ? "both" : ru ? "russia" : ua ? "ukraine" : null;
  }
  function drawFronts() {
    var steps = D.frontSteps || [], t = asOf(), k = -1, view = frontView(), s = -1;
    for (var i = 0; i < steps.length; i++) {
      if (steps[i][0] === "" || t === null || steps[i][0] <= t) { k = i; }
    }
    if (k >= 0 && view !== null && steps[k][1][view] !== undefined) { s = steps[k][1][view]; }
    // Say which date the fronts are as of when they are not the fronts of the slider's date:
    // computed for a later date (one step for the whole map) or older than a holder change
    // that was left without a step (steps thinned to the work budget).
    var note = "";
    if (k >= 0 && s >= 0 && t !== null) {
      var at = steps[k][2] || steps[k][0], stale = steps[k][3];
      if (at && (t < at || (stale && t >= stale))) { note = "fronts as of " + at; }
    }
    if (note !== frontsNote) {
      frontsNote = note;
      if (legendNote) {
        legendNote.textContent = note ? note + " (the nearest computed date)" : "";
        legendNote.style.display = note ? "" : "none";
      }
    }
    if (s === frontShape) { return; }
    frontShape = s;
    Object.keys(G.fronts).forEach(function (h) { G.fronts[h].clearLayers(); });
    if (s < 0) { return; }
    var fronts = D.frontShapes[s];
    Object.keys(fronts).forEach(function (h) {
      var g = G.fronts[h]; if (!g) { return; }
      var color = ST.fronts[h].color, fr = fronts[h];
      if (h === "contested") {
        addGeom(g, fr.area, { color: color, weight: 1, fillColor: color, fillOpacity: 0.25,
                              dashArray: "4 4" }, "geomap-front-zone");
      } else {
        addGeom(g, fr.area, { color: color, weight: 1, fillColor: color, fillOpacity: 0.07,
                              dashArray: "2 5" }, "geomap-front-area");
        addGeom(g, fr.line, { color: color, weight: 4, opacity: 0.9 }, "geomap-front-line");
      }
    });
  }
  if (G.outline && D.outline) {
    addGeom(G.outline, D.outline.land, { color: "#777", weight: 1.2, fill: true,
                                         fillColor: "#f4f1ea", fillOpacity: 1,
                                         pane: "geomapOutline" }, "geomap-outline");
    addGeom(G.outline, D.outline.borders, { color: "#aaa", weight: 0.8, fill: false,
                                            dashArray: "3 3", pane: "geomapOutline" },
            "geomap-outline-border");
  }

  var slider = null;
  if (dates.length > 0 && D.timeline !== false) {
    var Timeline = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = el("div", "leaflet-bar geomap-timeline");
        var btn = el("button", "geomap-play", "\u25b6");
        btn.type = "button"; btn.title = "Play the claims over time";
        var input = el("input", "geomap-slider");
        input.type = "range"; input.min = "0"; input.max = String(dates.length - 1);
        input.step = "1"; input.value = String(state.idx);
        input.setAttribute("aria-label", "Show claims as of date");
        var label = el("span", "geomap-asof", "");
        var sliderNote = el("span", "geomap-fronts-asof", "");
        sliderNote.title = "The claimed fronts are computed at selected dates; these are the " +
          "fronts of the nearest computed date";
        box.appendChild(btn); box.appendChild(input); box.appendChild(label);
        box.appendChild(sliderNote);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        var timer = null;
        function stop() { if (timer) { clearInterval(timer); timer = null; btn.textContent = "\u25b6"; } }
        input.addEventListener("input", function () { stop(); api.setIndex(+input.value); });
        btn.addEventListener("click", function () {
          if (timer) { stop(); return; }
          if (state.idx >= dates.length - 1) { api.setIndex(0); }
          btn.textContent = "\u275a\u275a";
          timer = setInterval(function () {
            if (state.idx >= dates.length - 1) { stop(); return; }
            api.setIndex(state.idx + 1);
          }, D.playMs || 800);
        });
        this.refresh = function (shown, n) {
          input.value = String(state.idx);
          label.textContent = "as of " + (asOf() || "") + ": " + n + " claims, " + shown + " places";
          sliderNote.textContent = frontsNote ? " \u00b7 " + frontsNote : "";
        };
        return box;
      }
    });
    slider = new Timeline();
    slider.addTo(map);
  }

  var Legend = L.Control.extend({
    options: { position: "bottomright" },
    onAdd: function () {
      var box = el("div", "geomap-legend");
      var title = el("div", "geomap-legend-title", "Places (latest claims)");
      title.title = "Click to fold or unfold the legend";
      title.addEventListener("click", function () {
        box.classList.toggle("geomap-legend-folded");
        legendTouched = true;
      });
      box.appendChild(title);
      ST.categories.forEach(function (c) {
        if (c.hollow && !D.hasRejected) { return; }
        var row = el("div", "geomap-legend-row");
        var sw = el("span", "geomap-swatch geomap-swatch-point");
        sw.style.background = c.color; sw.style.borderColor = c.color;
        if (c.dash) { sw.style.borderStyle = "dashed"; sw.style.opacity = "0.8"; }
        if (c.hollow) { sw.style.background = "transparent"; }
        row.appendChild(sw); row.appendChild(el("span", null, c.label));
        row.setAttribute("data-category", c.key);
        box.appendChild(row);
      });
      var rr = el("div", "geomap-legend-row");
      rr.appendChild(el("span", "geomap-swatch geomap-swatch-region"));
      rr.appendChild(el("span", null, "Region-wide claim (drawn as the region's boundary)"));
      box.appendChild(rr);
      Object.keys(D.fronts || {}).forEach(function (h) {
        var row = el("div", "geomap-legend-row");
        var sw = el("span", "geomap-swatch " + (h === "contested" ? "geomap-swatch-zone" : "geomap-swatch-line"));
        sw.style.borderColor = ST.fronts[h].color;
        if (h === "contested") { sw.style.background = ST.fronts[h].color; }
        row.appendChild(sw); row.appendChild(el("span", null, ST.fronts[h].label));
        box.appendChild(row);
      });
      legendNote = el("div", "geomap-legend-row geomap-fronts-asof", frontsNote);
      legendNote.style.display = frontsNote ? "" : "none";
      box.appendChild(legendNote);
      L.DomEvent.disableClickPropagation(box);
      return box;
    }
  });
  var legendNote = null;
  var legend = new Legend().addTo(map), legendTouched = false;
  // On a short map (an embedded fragment) the unfolded legend would cover the layer control
  // (both sit on the right): start it folded there; its title unfolds it.
  function fitLegend() {
    var box = legend.getContainer(), c = map.getContainer();
    var layers = c.querySelector(".leaflet-control-layers");
    if (legendTouched || !box || !layers) { return; }
    var folded = box.classList.contains("geomap-legend-folded");
    box.classList.remove("geomap-legend-folded");
    var need = box.offsetHeight + layers.offsetHeight + 40;
    if (need > c.clientHeight) { box.classList.add("geomap-legend-folded"); }
    else if (folded) { box.classList.remove("geomap-legend-folded"); }
  }
  setTimeout(fitLegend, 0);  // the layer control is added after this script
  map.on("resize", fitLegend);
  // Controls sit above popups: fold the legend while an open popup would lie under it.
  var foldedForPopup = false;
  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }
  var openPopup = null;
  function foldUnderPopup() {
    var box = legend.getContainer(), pop = openPopup && openPopup.getElement();
    if (!box || !pop || box.classList.contains("geomap-legend-folded")) { return; }
    if (overlaps(box.getBoundingClientRect(), pop.getBoundingClientRect())) {
      box.classList.add("geomap-legend-folded");
      foldedForPopup = true;
    }
  }
  map.on("popupopen", function (e) { openPopup = e.popup; foldUnderPopup(); });
  map.on("moveend", foldUnderPopup);  // the popup's autopan may move it under the legend
  map.on("popupclose", function () {
    openPopup = null;
    if (foldedForPopup && !legendTouched) {
      legend.getContainer().classList.remove("geomap-legend-folded");
    }
    foldedForPopup = false;
  });
  if (map.attributionControl && D.attribution) {
    map.attributionControl.addAttribution(D.attribution);
  }

  var api = {
    map: map,
    data: D,
    entries: entries,
    dates: dates,
    setIndex: function (i) {
      state.idx = Math.max(0, Math.min(dates.length - 1, i | 0));
      update();
    },
    asOf: asOf,
    frontView: frontView,
    frontsNote: function () { return frontsNote; },
    controlShown: function () { return control.shown(); },
    shownPlaces: function () { return entries.filter(function (e) { return e.shown; }).length; },
    categoryOf: function (id) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].f.properties.id === id) { return category(visible(entries[i].f.properties.c)); }
      }
      return null;
    },
    layerOf: function (id) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].f.properties.id === id) { return entries[i].layer; }
      }
      return null;
    },
    update: update
  };
  map.on("overlayadd overlayremove", function (e) {
    if (G.rejected && e.layer === G.rejected) { update(); return; }
    for (var s in G.sides) { if (G.sides[s] === e.layer) { update(); return; } }
  });
  window.geomapMaps = window.geomapMaps || {};
  window.geomapMaps[map.getContainer().id] = api;
  update();
  return api;
}

/* ---- Assessed control (issue 14): kept apart from the claims code above. ----
 * D.control (geomap/render/control.py): layers [source, holder, date, shape index] by date,
 * shapes (GeoJSON geometries), staleDays, and marks [place id, claim index, holder, km,
 * agrees, source, date]. G.control: one layer group per source. draw(t) shows, per source and
 * holder, the latest layer at or before the slider's date t that is at most staleDays old:
 * the area and its outline (the assessed line). mark(li, c) adds to a popup's claim item what
 * the assessment in force says (text only, through textContent). */
function geomapControl(map, D, G, L, el) {
  "use strict";
  var C = D.control, groups = (G && G.control) || {};
  var none = { draw: function () {}, mark: function () {}, shown: function () { return []; } };
  if (!C || !C.layers || C.layers.length === 0) { return none; }
  var pane = map.createPane("geomapControl");
  pane.style.zIndex = 340;
  // Credit the assessments shown; Leaflet's attribution is HTML, so the names are escaped.
  if (map.attributionControl && C.sources && C.sources.length) {
    var names = C.sources.join(", ").replace(/[&<>"']/g, function (ch) {
      return "&#" + ch.charCodeAt(0) + ";";
    });
    map.attributionControl.addAttribution("Assessed control: " + names);
  }
  var byClaim = new Map(), feats = {};
  D.places.features.forEach(function (f) { feats[f.properties.id] = f; });
  (C.marks || []).forEach(function (m) {
    var f = feats[m[0]];
    if (f && f.properties.c[m[1]]) { byClaim.set(f.properties.c[m[1]], m); }
  });
  var DAY = 86400000, shownKey = null, shownList = [];
  function day(t) {  // a slider label ("2025-02-05", "2025-02", "2025") as its last day
    if (t.length === 4) { return t + "-12-31"; }
    if (t.length === 7) { return t + "-31"; }
    return t;
  }
  function inForce(t) {
    var best = {};
    C.layers.forEach(function (r, k) {
      if (t !== null) {
        var d = day(t);
        if (r[2] > d || (Date.parse(d.slice(0, 10)) - Date.parse(r[2])) / DAY > C.staleDays) {
          return;
        }
      }
      best[r[0] + "|" + r[1]] = k;  // layers are sorted by date: the last one wins
    });
    return Object.keys(best).sort().map(function (key) { return best[key]; });
  }
  function colour(holder) {
    return (D.style.sideColors && D.style.sideColors[holder]) || "#555";
  }
  function draw(t) {
    var ks = inForce(t), key = ks.join(",");
    if (key === shownKey) { return; }
    shownKey = key;
    shownList = [];
    Object.keys(groups).forEach(function (s) { groups[s].clearLayers(); });
    ks.forEach(function (k) {
      var r = C.layers[k], g = groups[r[0]];
      if (!g) { return; }
      var label = r[0] + " " + r[1] + " " + r[2];
      var lyr = L.geoJSON({ type: "Feature", geometry: C.shapes[r[3]], properties: {} }, {
        pane: "geomapControl", interactive: false, className: "geomap-control-area",
        style: function () {
          return { color: colour(r[1]), weight: 2.5, opacity: 0.9, fillColor: colour(r[1]),
                   fillOpacity: 0.12 };
        }
      });
      lyr.eachLayer(function (l) {
        l.on("add", function () {
          var e = l.getElement && l.getElement();
          if (e) { e.setAttribute("data-control", label); }
        });
      });
      g.addLayer(lyr);
      shownList.push(label);
    });
  }
  function mark(li, c) {
    var m = byClaim.get(c);
    if (!m) { return; }
    var holder = m[2], km = m[3], agrees = m[4], src = m[5] + " " + m[6];
    var where = km === null ? "" : km < 0 ? ", " + (-km).toFixed(1) + " km inside its area"
      : ", " + km.toFixed(1) + " km from the line";
    var text, cls = "geomap-claim-control";
    if (agrees === false) {
      text = "\u2717 disagrees with the assessed map: " + src + " shows it held by " + holder + where;
      cls += " geomap-claim-disagrees";
    } else if (agrees === true) {
      text = "\u2713 agrees with the assessed map (" + src + ": held by " + holder + where + ")";
    } else {
      text = "assessed map (" + src + "): held by " + holder + where;
    }
    li.appendChild(el("div", cls, text));
  }
  return { draw: draw, mark: mark, shown: function () { return shownList.slice(); } };
}
