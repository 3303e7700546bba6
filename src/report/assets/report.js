// sitrep report: the page's script. Reads the data that `sitrep report` embedded
// (#sitrep-data: documents with their text once, their events and distance claims; offsets in
// UTF-16 code units) and the country outlines (#sitrep-world, TopoJSON), and draws the map
// (d3-geo, topojson-client), the timeline, the table and the evidence. It requests nothing.
(function () {
  "use strict";

  var TYPES = [
    "Battles", "Explosions/Remote violence", "Violence against civilians",
    "Protests", "Riots", "Strategic developments"
  ];
  // Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
  var COLORS = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#E69F00",
    "Violence against civilians": "#CC79A7",
    "Protests": "#0072B2",
    "Riots": "#56B4E9",
    "Strategic developments": "#009E73"
  };
  var OTHER_COLOR = "#777777";
  var SVGNS = "http://www.w3.org/2000/svg";

  var data = JSON.parse(document.getElementById("sitrep-data").textContent);
  var world = JSON.parse(document.getElementById("sitrep-world").textContent);

  // ---------------------------------------------------------------------------------------
  // Events, flattened: each keeps its document (text shared, never copied).
  var events = [];
  var claims = [];
  data.docs.forEach(function (doc) {
    (doc.events || []).forEach(function (e) {
      e.doc = doc;
      e.index = events.length;
      events.push(e);
    });
    (doc.claims || []).forEach(function (c) {
      c.doc = doc;
      claims.push(c);
    });
  });

  function colorOf(type) { return COLORS[type] || OTHER_COLOR; }
  function located(e) { return e.where && typeof e.where.lat === "number" && typeof e.where.lon === "number"; }
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) n.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }
  function svg(tag, attrs) {
    var n = document.createElementNS(SVGNS, tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) n.setAttribute(k, attrs[k]);
    return n;
  }
  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function dayNumber(iso) {  // "2023-05-16" -> days since 1970-01-01 (UTC)
    return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5);
  }
  function isoOfDay(n) { return new Date(n * 864e5).toISOString().slice(0, 10); }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function humanDate(iso) {
    if (!iso) return "";
    return +iso.slice(8, 10) + " " + MONTHS[+iso.slice(5, 7) - 1] + " " + iso.slice(0, 4);
  }
  function dateLabel(e) {
    if (!e.when || !e.when.date) return "";
    var w = e.when;
    if (w.precision === "day") return w.date;
    if (w.precision === "month") return w.value || w.date.slice(0, 7);
    if (w.precision === "year") return w.value || w.date.slice(0, 4);
    if (!w.last || w.last === w.date) return w.date;
    // "2023-05-08–14", "2023-05-29–06-04", "2023-12-28–2024-01-03"
    var cut = w.last.slice(0, 4) !== w.date.slice(0, 4) ? 0 : w.last.slice(5, 7) !== w.date.slice(5, 7) ? 5 : 8;
    return w.date + "–" + w.last.slice(cut);
  }
  function placeLabel(e) {
    if (!e.where) return "";
    var parts = [e.where.name];
    if (e.where.admin1 && e.where.admin1 !== e.where.name) parts.push(e.where.admin1);
    if (e.where.country && e.where.country !== e.where.name) parts.push(e.where.country);
    return parts.join(", ");
  }
  function actorName(a) { return a ? a.name || a.text : ""; }

  // Search keys, folded once.
  events.forEach(function (e) {
    e.actorKey = fold([actorName(e.actor1), e.actor1 && e.actor1.text, actorName(e.actor2), e.actor2 && e.actor2.text].join(" | "));
    e.placeKey = fold(e.where ? [e.where.name, e.where.text, e.where.admin1, e.where.admin2, e.where.country].join(" | ") : "");
    e.first = e.when && e.when.date ? dayNumber(e.when.date) : null;
    e.last = e.when && e.when.last ? dayNumber(e.when.last) : e.first;
  });

  // ---------------------------------------------------------------------------------------
  // Header.
  var docsWithEvents = data.docs.filter(function (d) { return d.events && d.events.length; }).length;
  var dated = events.filter(function (e) { return e.first !== null; });
  var minDay = dated.length ? Math.min.apply(null, dated.map(function (e) { return e.first; })) : null;
  var maxDay = dated.length ? Math.max.apply(null, dated.map(function (e) { return e.last; })) : null;
  var fatalities = events.reduce(function (s, e) { return s + (e.fatalities || 0); }, 0);
  var metaText = events.length + (events.length === 1 ? " event" : " events") + " from " +
    docsWithEvents + " of " + data.docs.length + (data.docs.length === 1 ? " report" : " reports");
  if (minDay !== null) metaText += " · " + humanDate(isoOfDay(minDay)) + (maxDay !== minDay ? " – " + humanDate(isoOfDay(maxDay)) : "");
  metaText += " · " + fatalities + " reported fatalities";
  if (data.run && data.run.failed) metaText += " · " + data.run.failed + " input(s) could not be read";
  document.getElementById("meta").textContent = metaText;

  var typesPresent = TYPES.filter(function (t) { return events.some(function (e) { return e.type === t; }); });
  events.forEach(function (e) { if (typesPresent.indexOf(e.type) < 0) typesPresent.push(e.type); });

  // ---------------------------------------------------------------------------------------
  // Filters.
  var fType = document.getElementById("f-type");
  var fActor = document.getElementById("f-actor");
  var fPlace = document.getElementById("f-place");
  var fFrom = document.getElementById("f-from");
  var fTo = document.getElementById("f-to");
  var fCount = document.getElementById("f-count");
  typesPresent.forEach(function (t) {
    fType.appendChild(el("option", { value: t }, t));
    var subs = [];
    events.forEach(function (e) { if (e.type === t && e.subtype && subs.indexOf(e.subtype) < 0) subs.push(e.subtype); });
    subs.sort().forEach(function (s) { fType.appendChild(el("option", { value: t + "\u0000" + s }, "\u2003" + s)); });
  });
  if (minDay !== null) {
    [fFrom, fTo].forEach(function (f) { f.min = isoOfDay(minDay); f.max = isoOfDay(maxDay); });
  }

  var counts = document.getElementById("type-counts");
  var typeButtons = {};
  typesPresent.forEach(function (t) {
    var n = events.filter(function (e) { return e.type === t; }).length;
    var b = el("button", { type: "button", "aria-pressed": "false", title: "Show only " + t });
    var sw = el("span", { "class": "swatch" });
    sw.style.background = colorOf(t);
    b.appendChild(sw);
    b.appendChild(document.createTextNode(t + " " + n));
    b.addEventListener("click", function () {
      fType.value = fType.value === t ? "" : t;
      applyFilters();
    });
    typeButtons[t] = b;
    var li = el("li");
    li.appendChild(b);
    counts.appendChild(li);
  });

  function matches(e) {
    var t = fType.value;
    if (t) {
      var cut = t.indexOf("\u0000");
      if (cut < 0 ? e.type !== t : (e.type !== t.slice(0, cut) || e.subtype !== t.slice(cut + 1))) return false;
    }
    var a = fold(fActor.value.trim());
    if (a && e.actorKey.indexOf(a) < 0) return false;
    var p = fold(fPlace.value.trim());
    if (p && e.placeKey.indexOf(p) < 0) return false;
    if (fFrom.value || fTo.value) {
      if (e.first === null) return false;
      if (fFrom.value && e.last < dayNumber(fFrom.value)) return false;
      if (fTo.value && e.first > dayNumber(fTo.value)) return false;
    }
    return true;
  }

  var views = [];  // each: function (visible: boolean[]) updating its elements
  function applyFilters() {
    var visible = events.map(matches);
    var n = visible.filter(Boolean).length;
    fCount.textContent = !events.length ? "no events" : n === events.length ? "all " + n + " events" : n + " of " + events.length + " events";
    Object.keys(typeButtons).forEach(function (t) {
      typeButtons[t].setAttribute("aria-pressed", fType.value === t ? "true" : "false");
    });
    views.forEach(function (v) { v(visible); });
  }
  [fType, fFrom, fTo].forEach(function (f) { f.addEventListener("change", applyFilters); });
  [fActor, fPlace].forEach(function (f) { f.addEventListener("input", applyFilters); });
  document.getElementById("f-reset").addEventListener("click", function () {
    fType.value = ""; fActor.value = ""; fPlace.value = ""; fFrom.value = ""; fTo.value = "";
    applyFilters();
  });

  // ---------------------------------------------------------------------------------------
  // Selection: one event (or a claim) at a time, shown in every view.
  var selectListeners = [];
  var selected = null;
  function select(e, from) {
    selected = e;
    selectListeners.forEach(function (f) { f(e, from); });
    showEvidence(e);
  }

  // ---------------------------------------------------------------------------------------
  // Map.
  (function drawMap() {
    var W = 960, H = 520, pad = 28;
    var host = document.getElementById("map");
    var onMap = events.filter(located);
    var countries = topojson.feature(world, world.objects.countries);
    var borders = topojson.mesh(world, world.objects.countries, function (a, b) { return a !== b; });

    var projection;
    if (onMap.length) {
      var lons = onMap.map(function (e) { return e.where.lon; });
      var lats = onMap.map(function (e) { return e.where.lat; });
      var w = Math.min.apply(null, lons), east = Math.max.apply(null, lons);
      var s = Math.min.apply(null, lats), n = Math.max.apply(null, lats);
      var span = Math.max(east - w, n - s);
      var m = Math.max(1.5, span * 0.12);  // at least a region around a single place
      var box = {
        type: "MultiPoint",
        coordinates: [[Math.max(-180, w - m), Math.max(-80, s - m)], [Math.min(180, east + m), Math.min(84, n + m)]]
      };
      projection = (east - w > 150 ? d3.geoNaturalEarth1() : d3.geoMercator())
        .fitExtent([[pad, pad], [W - pad, H - pad]], box);
    } else {
      projection = d3.geoNaturalEarth1().fitExtent([[pad, pad], [W - pad, H - pad]], { type: "Sphere" });
    }
    var path = d3.geoPath(projection).digits(1);  // tenths of a pixel: shorter paths

    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Map of " + onMap.length + " located events" });
    var clip = svg("clipPath", { id: "map-clip" });
    clip.appendChild(svg("rect", { x: 0, y: 0, width: W, height: H }));
    root.appendChild(clip);
    var g = svg("g", { "clip-path": "url(#map-clip)" });
    root.appendChild(g);
    g.appendChild(svg("path", { "class": "graticule", d: path(d3.geoGraticule10()) }));
    var hitCountries = {};
    onMap.forEach(function (e) { if (e.where.iso) hitCountries[e.where.iso] = true; });
    var land = svg("g", { "class": "countries" });
    countries.features.forEach(function (f) {
      var d = path(f);
      if (!d) return;
      var p = svg("path", { "class": "land" + (f.id != null && hitCountries[+f.id] ? " hit" : ""), d: d });
      var t = svg("title");
      t.textContent = f.properties ? f.properties.name : "";
      p.appendChild(t);
      land.appendChild(p);
    });
    g.appendChild(land);
    g.appendChild(svg("path", { "class": "borders", d: path(borders) }));

    // Markers: one per located event, sized by fatalities (area grows with the toll), events
    // at one place fanned out around it so that each stays visible and clickable. Sizes and
    // offsets are in screen pixels: they stay the same when the map is zoomed.
    var byPlace = {};
    onMap.forEach(function (e) {
      var k = e.where.lon.toFixed(4) + "," + e.where.lat.toFixed(4);
      (byPlace[k] = byPlace[k] || []).push(e);
    });
    var labels = svg("g", { "class": "labels" });
    var markers = svg("g", { "class": "markers" });
    var markerOf = {};
    var placed = [];  // {x, y, dx, dy, r, node} for every marker
    var labelled = [];  // {x, y, n, node} for every place
    function radius(e) { return e.fatalities == null ? 5 : Math.min(24, 5 + 2.2 * Math.sqrt(e.fatalities)); }
    Object.keys(byPlace).forEach(function (k) {
      var group = byPlace[k];
      var xy = projection([group[0].where.lon, group[0].where.lat]);
      if (!xy) return;
      // A ring whose circumference holds the markers side by side (up to a limit).
      var sum = group.reduce(function (s, e) { return s + radius(e); }, 0);
      var ring = group.length > 1 ? Math.min(60, Math.max(8, 1.05 * sum / Math.PI)) : 0;
      var reach = ring + Math.max.apply(null, group.map(radius));  // the label goes past it
      var lab = svg("text", { "class": "place-label" });
      lab.textContent = group[0].where.name;
      labels.appendChild(lab);
      labelled.push({ x: xy[0], y: xy[1], n: group.length, node: lab, chars: group[0].where.name.length, off: reach * 0.75 + 3 });
      group.forEach(function (e, i) {
        var angle = 2 * Math.PI * i / group.length - Math.PI / 2;
        var c = svg("circle", {
          "class": "marker" + (e.fatalities == null ? " unknown-toll" : ""),
          fill: colorOf(e.type), "data-event": e.id, "data-type": e.type, tabindex: "0"
        });
        var t = svg("title");
        t.textContent = e.subtype + " — " + placeLabel(e) + (dateLabel(e) ? ", " + dateLabel(e) : "") +
          (e.fatalities != null ? " — " + e.fatalities + " killed" : "");
        c.appendChild(t);
        c.addEventListener("click", function () { select(e, "map"); });
        c.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(e, "map"); });
        markers.appendChild(c);
        markerOf[e.index] = c;
        placed.push({ x: xy[0], y: xy[1], dx: ring * Math.cos(angle), dy: ring * Math.sin(angle), r: radius(e), node: c });
      });
    });
    // Larger circles first so that small ones stay on top.
    placed.sort(function (a, b) { return b.r - a.r; }).forEach(function (m) { markers.appendChild(m.node); });
    labelled.sort(function (a, b) { return b.n - a.n; });  // busiest places keep their labels
    g.appendChild(labels);
    g.appendChild(markers);
    host.appendChild(root);

    // Zoom and pan: buttons, drag, double-click, Ctrl/⌘ + wheel. The map's group is scaled;
    // markers and labels are re-placed so that they keep their size on screen.
    var view = { k: 1, x: 0, y: 0 };
    function layout() {
      var k = view.k;
      g.setAttribute("transform", "translate(" + view.x.toFixed(2) + "," + view.y.toFixed(2) + ") scale(" + k + ")");
      placed.forEach(function (m) {
        m.node.setAttribute("cx", (m.x + m.dx / k).toFixed(2));
        m.node.setAttribute("cy", (m.y + m.dy / k).toFixed(2));
        m.node.setAttribute("r", (m.r / k).toFixed(2));
      });
      // Labels where they do not collide with one already placed (screen space).
      var boxes = [];
      labelled.forEach(function (l) {
        var sx = l.x * k + view.x + l.off, sy = l.y * k + view.y - l.off + 4;
        var box = [sx, sy - 11, sx + 6.2 * l.chars, sy + 2];
        var free = boxes.length < 60 && sx > 0 && sx < W && sy > 0 && sy < H && boxes.every(function (b) {
          return box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3];
        });
        l.node.style.display = free ? "" : "none";
        if (!free) return;
        boxes.push(box);
        l.node.setAttribute("x", (l.x + l.off / k).toFixed(2));
        l.node.setAttribute("y", (l.y - (l.off - 4) / k).toFixed(2));
        l.node.setAttribute("font-size", (11 / k).toFixed(3));
        l.node.setAttribute("stroke-width", (3 / k).toFixed(3));
      });
    }
    function zoomAt(factor, px, py) {
      var k = Math.max(1, Math.min(64, view.k * factor));
      view.x = px - (px - view.x) * k / view.k;
      view.y = py - (py - view.y) * k / view.k;
      view.k = k;
      clampView();
      layout();
    }
    function clampView() {
      view.x = Math.min(0, Math.max(W - W * view.k, view.x));
      view.y = Math.min(0, Math.max(H - H * view.k, view.y));
    }
    function svgPoint(ev) {
      var r = root.getBoundingClientRect();
      return [(ev.clientX - r.left) * W / r.width, (ev.clientY - r.top) * H / r.height];
    }
    var tools = el("div", { "class": "map-tools" });
    [["+", "Zoom in", function () { zoomAt(2, W / 2, H / 2); }],
     ["−", "Zoom out", function () { zoomAt(0.5, W / 2, H / 2); }],
     ["⤢", "Show every event", function () { view = { k: 1, x: 0, y: 0 }; layout(); }]].forEach(function (t) {
      var b = el("button", { type: "button", title: t[1], "aria-label": t[1] }, t[0]);
      b.addEventListener("click", t[2]);
      tools.appendChild(b);
    });
    host.appendChild(tools);
    root.addEventListener("dblclick", function (ev) { var p = svgPoint(ev); zoomAt(ev.shiftKey ? 0.5 : 2, p[0], p[1]); ev.preventDefault(); });
    root.addEventListener("wheel", function (ev) {
      if (!ev.ctrlKey && !ev.metaKey) return;  // a plain wheel scrolls the page
      ev.preventDefault();
      var p = svgPoint(ev);
      zoomAt(Math.pow(2, -ev.deltaY / 300), p[0], p[1]);
    }, { passive: false });
    var drag = null;
    root.addEventListener("pointerdown", function (ev) {
      if (ev.target.classList && ev.target.classList.contains("marker")) return;
      drag = { p: svgPoint(ev), x: view.x, y: view.y };
      root.setPointerCapture(ev.pointerId);
    });
    root.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var p = svgPoint(ev);
      view.x = drag.x + p[0] - drag.p[0];
      view.y = drag.y + p[1] - drag.p[1];
      clampView();
      layout();
    });
    root.addEventListener("pointerup", function () { drag = null; });
    layout();
    // Brings a selected marker into view when it is off the zoomed map.
    function reveal(e) {
      var m = placed.find(function (q) { return q.node === markerOf[e.index]; });
      if (!m) return;
      var sx = m.x * view.k + view.x, sy = m.y * view.k + view.y;
      if (sx >= 0 && sx <= W && sy >= 0 && sy <= H) return;
      view.x = W / 2 - m.x * view.k;
      view.y = H / 2 - m.y * view.k;
      clampView();
      layout();
    }

    var legend = document.getElementById("legend");
    typesPresent.forEach(function (t) {
      var item = el("span");
      var sw = el("span", { "class": "swatch" });
      sw.style.background = colorOf(t);
      item.appendChild(sw);
      item.appendChild(document.createTextNode(t));
      legend.appendChild(item);
    });
    legend.appendChild(el("span", null, "Circle area grows with the reported toll; pale circles: toll not stated."));

    var off = events.length - onMap.length;
    document.getElementById("map-note").textContent = off
      ? off + (off === 1 ? " event has" : " events have") + " no place with coordinates and " + (off === 1 ? "is" : "are") + " not on the map (see the table)."
      : "";

    views.push(function (visible) {
      events.forEach(function (e, i) {
        var c = markerOf[i];
        if (c) c.style.display = visible[i] ? "" : "none";
      });
    });
    var current = null;
    selectListeners.push(function (e) {
      if (current) current.classList.remove("selected");
      current = e ? markerOf[e.index] || null : null;
      if (current) {
        current.classList.add("selected");
        current.parentNode.appendChild(current);
        reveal(e);
      }
    });
  })();

  // ---------------------------------------------------------------------------------------
  // Timeline: a dot per dated event on its day, a bar over the days of a week, month or
  // range; events are stacked in lanes so that none hides another.
  (function drawTimeline() {
    var host = document.getElementById("timeline");
    var note = document.getElementById("timeline-note");
    var undated = events.length - dated.length;
    note.textContent = undated ? undated + (undated === 1 ? " event has" : " events have") + " no date and " + (undated === 1 ? "is" : "are") + " not on the timeline." : "";
    if (!dated.length) {
      host.appendChild(el("p", { "class": "hint" }, "No dated events."));
      return;
    }
    var W = 960, left = 12, right = 12, top = 8, lane = 14, axis = 26, strip = 74;
    // Events told as history ("the town fell in 2012") would squash the news into a corner:
    // dates far before (or after) the bulk go into a strip at the edge, past an axis break.
    var days = dated.map(function (e) { return e.first; }).sort(function (a, b) { return a - b; });
    function cut(fromEnd) {
      var n = days.length, best = -1, bestGap = 0;
      for (var i = 0; i + 1 < n && i < Math.floor(n * 0.2); i++) {
        var a = fromEnd ? days[n - 2 - i] : days[i], b = fromEnd ? days[n - 1 - i] : days[i + 1];
        if (b - a > bestGap) { bestGap = b - a; best = i; }
      }
      if (best < 0) return null;
      var rest = fromEnd ? days[n - 2 - best] - days[0] : days[n - 1] - days[best + 1];
      if (bestGap < 60 || bestGap < 2 * rest) return null;
      return fromEnd ? days[n - 1 - best] : days[best];  // the first late / last early day
    }
    var earlyMax = cut(false), lateMin = cut(true);
    var main = dated.filter(function (e) { return (earlyMax === null || e.first > earlyMax) && (lateMin === null || e.first < lateMin); });
    var early = earlyMax === null ? [] : dated.filter(function (e) { return e.first <= earlyMax; });
    var late = lateMin === null ? [] : dated.filter(function (e) { return e.first >= lateMin; });
    var lo = Math.min.apply(null, main.map(function (e) { return e.first; })) - 1;
    var hi = Math.max.apply(null, main.map(function (e) { return e.last; })) + 2;
    var x0 = left + (early.length ? strip : 0), x1 = W - right - (late.length ? strip : 0);
    var x = function (day) { return x0 + (Math.max(lo, Math.min(hi, day)) - lo) / (hi - lo) * (x1 - x0); };
    var order = main.slice().sort(function (a, b) { return a.first - b.first || a.last - b.last; });
    var laneEnds = [];
    var laneOf = {};
    var minGap = (hi - lo) / ((x1 - x0) / 12);  // days that 12 px cover: dots closer share no lane
    order.forEach(function (e) {
      var startX = e.first, endX = Math.max(e.last + 1, e.first + minGap);
      var k = 0;
      while (k < laneEnds.length && laneEnds[k] > startX) k++;
      laneEnds[k] = endX;
      laneOf[e.index] = k;
    });
    early.concat(late).forEach(function (e) { laneOf[e.index] = 0; });
    early.forEach(function (e, i) { laneOf[e.index] = i; });
    late.forEach(function (e, i) { laneOf[e.index] = i; });
    var lanes = Math.min(Math.max(laneEnds.length, early.length, late.length, 1), 40);
    var H = top + lanes * lane + axis;
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Timeline of " + dated.length + " dated events" });
    var baseY = top + lanes * lane + 4;
    function stripAt(xa, list, label) {
      root.appendChild(svg("rect", { "class": "tl-strip", x: xa, y: top - 4, width: strip - 8, height: lanes * lane + 8, rx: 3 }));
      var years = list.map(function (e) { return isoOfDay(e.first).slice(0, 4); });
      var t = svg("text", { "class": "tl-break", x: xa + 4, y: baseY + 16 });
      var y0 = years.reduce(function (a, b) { return a < b ? a : b; }), y1 = years.reduce(function (a, b) { return a > b ? a : b; });
      t.textContent = y0 === y1 ? y0 : y0 + "–" + y1.slice(2);
      var tip = svg("title");
      tip.textContent = list.length + " " + label + " event(s), shown apart from the rest";
      t.appendChild(tip);
      root.appendChild(t);
    }
    if (early.length) stripAt(left, early, "earlier");
    if (late.length) stripAt(W - right - strip + 8, late, "later");
    // Axis: ticks on days, weeks, months or years, whichever gives at most ~10.
    var g = svg("g", { "class": "tl-axis" });
    var spanDays = hi - lo;
    var steps = [1, 2, 7, 14, 30.44, 91.3, 365.25, 730.5, 1826];
    var step = steps.find(function (s) { return spanDays / s <= 10; }) || 3652;
    var ticks = [];
    if (step < 30) {
      var first = Math.ceil(lo / step) * step;
      if (step === 7 || step === 14) first = lo + ((4 - lo % 7 + 7) % 7);  // Mondays (day 0 was a Thursday)
      for (var d = first; d <= hi; d += step) ticks.push(d);
    } else {
      var months = step < 365 ? Math.round(step / 30.44) : Math.round(step / 365.25) * 12;
      var dt = new Date(lo * 864e5);
      var y = dt.getUTCFullYear(), mo = dt.getUTCMonth();
      mo = Math.ceil(mo / months) * months;
      for (;;) {
        var day = Math.round(Date.UTC(y, mo, 1) / 864e5);
        if (day > hi) break;
        if (day >= lo) ticks.push(day);
        mo += months;
      }
    }
    g.appendChild(svg("line", { x1: x0, x2: x1, y1: baseY, y2: baseY }));
    ticks.forEach(function (d) {
      var iso = isoOfDay(d);
      g.appendChild(svg("line", { x1: x(d), x2: x(d), y1: top - 4, y2: baseY + 4 }));
      var t = svg("text", { x: x(d) + 2, y: baseY + 16 });
      t.textContent = step < 28 ? +iso.slice(8, 10) + " " + MONTHS[+iso.slice(5, 7) - 1] : step < 365 ? MONTHS[+iso.slice(5, 7) - 1] + " " + iso.slice(0, 4) : iso.slice(0, 4);
      g.appendChild(t);
    });
    root.appendChild(g);
    var itemOf = {};
    order.concat(early, late).forEach(function (e) {
      var k = Math.min(laneOf[e.index], lanes - 1);
      var cy = top + k * lane + lane / 2;
      var node;
      var outside = early.indexOf(e) >= 0 ? left + (strip - 8) / 2 : late.indexOf(e) >= 0 ? W - right - (strip - 8) / 2 : null;
      if (outside === null && e.last > e.first) {
        node = svg("rect", { x: x(e.first), y: cy - 4, width: Math.max(4, x(e.last + 1) - x(e.first)), height: 8, rx: 4 });
      } else {
        var cx = outside !== null ? outside : (x(e.first) + x(e.first + 1)) / 2;
        node = svg("circle", { cx: cx.toFixed(1), cy: cy, r: 5 });
      }
      node.setAttribute("class", "tl-item");
      node.setAttribute("fill", colorOf(e.type));
      node.setAttribute("data-event", e.id);
      var t = svg("title");
      t.textContent = dateLabel(e) + " — " + e.subtype + (e.where ? " — " + e.where.name : "");
      node.appendChild(t);
      node.addEventListener("click", function () { select(e, "timeline"); });
      root.appendChild(node);
      itemOf[e.index] = node;
    });
    host.appendChild(root);
    views.push(function (visible) {
      events.forEach(function (e, i) { if (itemOf[i]) itemOf[i].style.display = visible[i] ? "" : "none"; });
    });
    var current = null;
    selectListeners.push(function (e) {
      if (current) current.classList.remove("selected");
      current = e ? itemOf[e.index] || null : null;
      if (current) current.classList.add("selected");
    });
  })();

  // ---------------------------------------------------------------------------------------
  // Table: a row per event.
  (function drawTable() {
    var table = document.getElementById("events");
    var body = table.tBodies[0];
    var rowOf = {};
    events.forEach(function (e) {
      var tr = el("tr", { "class": "event", "data-event": e.id, "data-type": e.type, tabindex: "0" });
      var td = el("td", null, dateLabel(e) || "—");
      if (e.when && e.when.precision !== "day") td.appendChild(el("div", { "class": "sub" }, e.when.precision));
      tr.appendChild(td);
      td = el("td");
      var sw = el("span", { "class": "swatch" });
      sw.style.background = colorOf(e.type);
      td.appendChild(sw);
      td.appendChild(document.createTextNode(e.type));
      td.appendChild(el("div", { "class": "sub" }, e.subtype));
      tr.appendChild(td);
      tr.appendChild(el("td", null, actorName(e.actor1) || "—"));
      tr.appendChild(el("td", null, actorName(e.actor2) || "—"));
      td = el("td", null, e.where ? e.where.name : "—");
      if (e.where) td.appendChild(el("div", { "class": "sub" }, [e.where.admin1, e.where.country].filter(Boolean).join(", ")));
      tr.appendChild(td);
      tr.appendChild(el("td", { "class": "num" }, e.fatalities == null ? "" : String(e.fatalities)));
      tr.appendChild(el("td", { "class": "mod-" + e.modality }, e.modality));
      tr.appendChild(el("td", null, e.doc.id));
      tr.appendChild(el("td", { "class": "print-only" }, e.doc.text ? e.doc.text.slice(e.evidence[0], e.evidence[1]) : ""));
      tr.addEventListener("click", function () { select(e, "table"); });
      tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(e, "table"); });
      body.appendChild(tr);
      rowOf[e.index] = tr;
    });
    views.push(function (visible) {
      events.forEach(function (e, i) { rowOf[i].hidden = !visible[i]; });
    });
    var current = null;
    selectListeners.push(function (e, from) {
      if (current) current.classList.remove("selected");
      current = e ? rowOf[e.index] || null : null;
      if (current) {
        current.classList.add("selected");
        if (from !== "table" && current.scrollIntoView) current.scrollIntoView({ block: "nearest" });
      }
    });
    // Sorting by a column header.
    var keys = {
      date: function (e) { return e.first === null ? Infinity : e.first; },
      type: function (e) { return e.type + " " + e.subtype; },
      actor1: function (e) { return fold(actorName(e.actor1)); },
      actor2: function (e) { return fold(actorName(e.actor2)); },
      place: function (e) { return fold(placeLabel(e)); },
      fatalities: function (e) { return e.fatalities == null ? -1 : e.fatalities; },
      modality: function (e) { return e.modality; },
      doc: function (e) { return e.doc.id; }
    };
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var k = th.getAttribute("data-sort");
      if (!k) return;
      th.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        events.slice().sort(function (a, b) {
          var x = keys[k](a), y = keys[k](b);
          return (x < y ? -1 : x > y ? 1 : a.index - b.index) * dir;
        }).forEach(function (e) { body.appendChild(rowOf[e.index]); });
      });
    });
  })();

  // ---------------------------------------------------------------------------------------
  // Distance claims.
  (function drawClaims() {
    var panel = document.querySelector(".claims-panel");
    var body = document.getElementById("claims").tBodies[0];
    if (!claims.length) {
      panel.querySelector(".table-wrap").replaceWith(el("p", { "class": "hint" }, "The reports state no distances between places."));
      return;
    }
    claims.forEach(function (c) {
      var tr = el("tr", { "class": "event claim", tabindex: "0" });
      tr.appendChild(el("td", null, c.doc.id));
      tr.appendChild(el("td", null, "“" + c.text + "”"));
      tr.appendChild(el("td", null, (c.from || "?") + " → " + (c.to || "?")));
      tr.appendChild(el("td", { "class": "num" }, c.stated_km + " km" + (c.stated_bearing ? " " + c.stated_bearing : "")));
      tr.appendChild(el("td", { "class": "num" }, c.verdict === "unchecked" ? "—" : Math.round(c.computed_km) + " km, " + Math.round(c.computed_bearing) + "°"));
      var td = el("td");
      td.appendChild(el("span", { "class": "badge " + c.verdict }, c.verdict));
      tr.appendChild(td);
      tr.addEventListener("click", function () { showClaim(c); });
      body.appendChild(tr);
    });
  })();

  // ---------------------------------------------------------------------------------------
  // Evidence: the passage of the report the event rests on, with its actors, place, date and
  // event phrase marked.
  var evidenceHost = document.getElementById("evidence");
  var evidencePanel = document.querySelector(".evidence-panel");

  function paragraphBounds(text, start, end) {
    var a = text.lastIndexOf("\n\n", Math.max(0, start - 1));
    var b = text.indexOf("\n\n", end);
    return [a < 0 ? 0 : a + 2, b < 0 ? text.length : b];
  }

  // Renders text[from, to) with spans [{s, e, cls}] as nested classes on plain text nodes.
  function marked(text, from, to, spans) {
    var cuts = [from, to];
    spans.forEach(function (m) {
      if (m.e > from && m.s < to) cuts.push(Math.max(from, m.s), Math.min(to, m.e));
    });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var box = el("div", { "class": "passage" });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var s = cuts[i], e = cuts[i + 1];
      var cls = spans.filter(function (m) { return m.s <= s && m.e >= e && m.e > m.s; }).map(function (m) { return m.cls; });
      var piece = text.slice(s, e);
      if (cls.length) {
        var span = el("span", { "class": cls.join(" ") }, piece);
        box.appendChild(span);
      } else {
        box.appendChild(document.createTextNode(piece));
      }
    }
    return box;
  }

  function docMeta(doc) {
    var p = el("p", { "class": "doc-meta" });
    var parts = [doc.title || doc.id];
    if (doc.source) parts.push(doc.source);
    if (doc.published) parts.push("published " + doc.published);
    p.textContent = parts.join(" · ");
    if (doc.url) {
      p.appendChild(document.createTextNode(" · "));
      p.appendChild(el("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank" }, "link"));
    }
    return p;
  }

  function showEvidence(e) {
    evidenceHost.textContent = "";
    evidencePanel.classList.toggle("has-selection", !!e);
    if (!e) return;
    var doc = e.doc, text = doc.text || "";
    var h = el("h3");
    var sw = el("span", { "class": "swatch" });
    sw.style.background = colorOf(e.type);
    h.appendChild(sw);
    h.appendChild(document.createTextNode(e.type + " — " + e.subtype));
    evidenceHost.appendChild(h);
    evidenceHost.appendChild(docMeta(doc));

    var facts = el("dl", { "class": "facts" });
    function fact(k, v) { if (v) { facts.appendChild(el("dt", null, k)); facts.appendChild(el("dd", null, v)); } }
    fact("Actor 1", e.actor1 ? actorName(e.actor1) + (e.actor1.kind ? " (" + e.actor1.kind + ")" : "") : "—");
    fact("Actor 2", e.actor2 ? actorName(e.actor2) + (e.actor2.kind ? " (" + e.actor2.kind + ")" : "") : "—");
    fact("Place", e.where ? placeLabel(e) + " · " + e.where.precision + (located(e) ? " · " + e.where.lat + ", " + e.where.lon : "") : "— " + (e.where_reason || ""));
    fact("Date", e.when ? dateLabel(e) + " · " + e.when.precision + (e.when.basis !== "text" ? " · from the " + e.when.basis : "") : "— " + (e.when_reason || ""));
    fact("Fatalities", e.fatalities == null ? "not stated" : String(e.fatalities));
    fact("Source", e.source || "");
    fact("Modality", e.modality);
    fact("Confidence", String(e.confidence));
    fact("Disorder", e.disorder);
    fact("Event id", e.id);
    evidenceHost.appendChild(facts);

    var spans = [{ s: e.evidence[0], e: e.evidence[1], cls: "hl-evidence" }];
    if (e.trigger) spans.push({ s: e.trigger[0], e: e.trigger[1], cls: "hl-trigger" });
    [e.actor1, e.actor2].forEach(function (a) { if (a && a.span) spans.push({ s: a.span[0], e: a.span[1], cls: "hl-actor" }); });
    if (e.where && e.where.span) spans.push({ s: e.where.span[0], e: e.where.span[1], cls: "hl-place" });
    if (e.when && e.when.span) spans.push({ s: e.when.span[0], e: e.when.span[1], cls: "hl-date" });

    // The paragraphs from the first to the last marked span when they are near the evidence,
    // else the evidence's own paragraph; spans outside it are quoted below.
    var near = spans.filter(function (m) { return Math.abs(m.s - e.evidence[0]) < 1500; });
    var lo = Math.min.apply(null, near.map(function (m) { return m.s; }));
    var hi = Math.max.apply(null, near.map(function (m) { return m.e; }));
    var bounds = paragraphBounds(text, lo, hi);
    var keys = el("div", { "class": "keys" });
    [["hl-actor", "actor"], ["hl-place", "place"], ["hl-date", "date"], ["hl-trigger", "event phrase"], ["hl-evidence", "evidence"]].forEach(function (k) {
      var s = el("span");
      s.appendChild(el("span", { "class": k[0] }, k[1]));
      keys.appendChild(s);
    });
    evidenceHost.appendChild(keys);
    var whole = false;
    var passage = marked(text, bounds[0], bounds[1], spans);
    evidenceHost.appendChild(passage);
    var outside = spans.filter(function (m) { return m.e <= bounds[0] || m.s >= bounds[1]; });
    outside.forEach(function (m) {
      var p = el("p", { "class": "note" }, (m.cls === "hl-date" ? "Date" : m.cls === "hl-place" ? "Place" : "Actor") + " named elsewhere in the report: ");
      p.appendChild(el("span", { "class": m.cls }, text.slice(m.s, m.e)));
      evidenceHost.appendChild(p);
    });
    var toggle = el("button", { type: "button" }, "Show the whole report");
    toggle.addEventListener("click", function () {
      whole = !whole;
      var next = whole ? marked(text, 0, text.length, spans) : marked(text, bounds[0], bounds[1], spans);
      passage.replaceWith(next);
      passage = next;
      toggle.textContent = whole ? "Show the passage only" : "Show the whole report";
      if (whole) {
        var hit = passage.querySelector(".hl-evidence");
        if (hit && hit.scrollIntoView) hit.scrollIntoView({ block: "center" });
      }
    });
    evidenceHost.appendChild(el("p")).appendChild(toggle);
  }

  function showClaim(c) {
    select(null);
    evidencePanel.classList.add("has-selection");
    var text = c.doc.text || "";
    evidenceHost.appendChild(el("h3", null, "Distance claim: " + c.verdict));
    evidenceHost.appendChild(docMeta(c.doc));
    var facts = el("dl", { "class": "facts" });
    [["From", c.from], ["To", c.to], ["Stated", c.stated_km + " km" + (c.stated_bearing ? " " + c.stated_bearing : "")],
     ["Computed", Math.round(c.computed_km) + " km at " + Math.round(c.computed_bearing) + "°"]].forEach(function (f) {
      facts.appendChild(el("dt", null, f[0]));
      facts.appendChild(el("dd", null, f[1] || "?"));
    });
    evidenceHost.appendChild(facts);
    var b = paragraphBounds(text, c.span[0], c.span[1]);
    evidenceHost.appendChild(marked(text, b[0], b[1], [{ s: c.span[0], e: c.span[1], cls: "hl-claim" }]));
  }

  applyFilters();
  window.sitrepReadyMs = performance.now();  // for the browser test's timing
  document.documentElement.setAttribute("data-ready", "true");
})();
