/* Veilleur dashboard: map, timeline, table and article view over the JSON API.
 *
 * Every piece of text that comes from an article or an event is put in the page with textContent or
 * createTextNode, never as HTML. The basemap is drawn from the vendored world-atlas TopoJSON; a tile
 * layer is added only when the page is opened with ?tiles=<url template>.
 */
(function () {
  "use strict";

  const EVENT_TYPES = [
    "Battles", "Explosions/Remote violence", "Violence against civilians",
    "Protests", "Riots", "Strategic developments",
  ];
  const COLORS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
  };
  const MAX_EVENTS = 5000;
  const PAGE = 1000;
  const SVG_NS = "http://www.w3.org/2000/svg";
  const params = new URLSearchParams(window.location.search);

  const $ = (sel) => document.querySelector(sel);
  const colorOf = (type) => COLORS[type] || "#34495e";

  /* ---------- small DOM helpers (text only) ---------- */

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function setStatus(message, isError) {
    const s = $("#status");
    s.textContent = message;
    s.classList.toggle("error", Boolean(isError));
  }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json();
  }

  function articleHref(doc) {
    return "#article/" + encodeURIComponent(doc);
  }

  function actors(e) {
    const side = (a, assoc) => (assoc ? `${a || "?"} (+ ${assoc})` : a || "—");
    return `${side(e.actor1, e.assoc_actor_1)} → ${side(e.actor2, e.assoc_actor_2)}`;
  }

  /* ---------- filters ---------- */

  function currentFilters() {
    const q = new URLSearchParams();
    const form = $("#filters");
    for (const name of ["event_type", "country", "since", "until", "actor"]) {
      const value = form.elements[name].value.trim();
      if (value) q.set(name, value);
    }
    return q;
  }

  function fillTypeSelect() {
    const select = $("#f-type");
    for (const t of EVENT_TYPES) select.appendChild(el("option", { value: t, text: t }));
  }

  /* ---------- map ---------- */

  let map = null;
  let markerLayer = null;

  function initMap() {
    map = L.map("map", { worldCopyJump: true, preferCanvas: false }).setView([34.8, 38.5], 6);
    const tiles = params.get("tiles");
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: params.get("attribution") || "" }).addTo(map);
    }
    markerLayer = L.layerGroup().addTo(map);
    const detail = params.get("basemap") === "110m" ? "110m" : "50m";
    getJSON(`/static/vendor/countries-${detail}.json`)
      .then((topo) => {
        const countries = topojson.feature(topo, topo.objects.countries);
        const layer = L.geoJSON(countries, {
          interactive: false,
          style: () => ({ color: "#8a9199", weight: 0.7, fillColor: "#f2efe6", fillOpacity: 1, className: "country" }),
        });
        layer.addTo(map);
        layer.bringToBack();
      })
      .catch((err) => setStatus(`Fond de carte indisponible (${err.message}) : lancer scripts/vendor_assets.sh`, true));
  }

  function popupFor(e) {
    const dl = el("dl");
    const row = (k, v) => { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", { text: v })); };
    row("Type", `${e.event_type} — ${e.sub_event_type}`);
    row("Date", e.event_date || "?");
    row("Lieu", [e.location, e.admin1, e.country].filter(Boolean).join(", "));
    row("Acteurs", actors(e));
    row("Morts", String(e.fatalities));
    row("Média", e.source_outlet || "—");
    return el("div", { class: "popup" }, dl,
      el("a", { href: articleHref(e.doc), class: "popup-article", text: "Voir l'article et ses preuves" }));
  }

  function drawMarkers(events) {
    markerLayer.clearLayers();
    const points = [];
    for (const e of events) {
      if (e.latitude === null || e.longitude === null) continue;
      const marker = L.circleMarker([e.latitude, e.longitude], {
        radius: 5 + Math.min(10, Math.sqrt(e.fatalities || 0)),
        color: "#222", weight: 1, fillColor: colorOf(e.event_type), fillOpacity: 0.8,
        className: "event-marker",
      });
      marker.bindPopup(() => popupFor(e));
      marker.bindTooltip(el("span", { text: `${e.event_date} · ${e.location || ""}` }));
      markerLayer.addLayer(marker);
      points.push([e.latitude, e.longitude]);
    }
    if (points.length) map.fitBounds(points, { padding: [30, 30], maxZoom: 8 });
  }

  /* ---------- timeline ---------- */

  function drawTimeline(byDay) {
    const box = $("#timeline");
    box.replaceChildren();
    const days = Object.keys(byDay).sort();
    const legend = $("#legend");
    legend.replaceChildren();
    if (!days.length) return;
    const dayMs = 86400000;
    const first = Date.parse(days[0]);
    const last = Date.parse(days[days.length - 1]);
    const span = Math.round((last - first) / dayMs) + 1;
    const width = box.clientWidth || 500;
    const height = box.clientHeight || 220;
    const pad = { l: 28, r: 6, t: 8, b: 20 };
    const totals = days.map((d) => Object.values(byDay[d]).reduce((a, b) => a + b, 0));
    const max = Math.max(1, ...totals);
    const barW = Math.max(1, (width - pad.l - pad.r) / span - 1);
    const y = (n) => ((height - pad.t - pad.b) * n) / max;
    const types = new Set();
    for (const d of days) {
      const x = pad.l + (Math.round((Date.parse(d) - first) / dayMs) * (width - pad.l - pad.r)) / span;
      let stacked = 0;
      for (const [type, n] of Object.entries(byDay[d]).sort()) {
        types.add(type);
        const h = y(n);
        const rect = svg("rect", {
          x: x.toFixed(1), y: (height - pad.b - stacked - h).toFixed(1), width: barW.toFixed(1), height: h.toFixed(1),
          fill: colorOf(type), class: "bar",
        });
        const title = svg("title");
        title.textContent = `${d} · ${type} : ${n}`;
        rect.appendChild(title);
        box.appendChild(rect);
        stacked += h;
      }
    }
    const axis = (x, yPos, text, anchor) => {
      const t = svg("text", { x, y: yPos, class: "axis", "text-anchor": anchor });
      t.textContent = text;
      box.appendChild(t);
    };
    axis(pad.l, height - 5, days[0], "start");
    if (days.length > 1) axis(width - pad.r, height - 5, days[days.length - 1], "end");
    axis(pad.l - 4, pad.t + 8, String(max), "end");
    axis(pad.l - 4, height - pad.b, "0", "end");
    box.appendChild(svg("line", { x1: pad.l, x2: width - pad.r, y1: height - pad.b, y2: height - pad.b, stroke: "#999" }));
    for (const t of [...types].sort()) {
      legend.appendChild(el("li", {}, el("span", { class: "swatch", style: `background:${colorOf(t)}` }), t));
    }
  }

  /* ---------- table ---------- */

  function drawTable(events, total) {
    const tbody = $("#events-table tbody");
    tbody.replaceChildren();
    for (const e of events) {
      const link = el("a", { href: articleHref(e.doc), text: e.doc });
      const tr = el("tr", { "data-event": e.id },
        el("td", { text: e.event_date || "?" }),
        el("td", { text: e.event_type }),
        el("td", { text: e.sub_event_type }),
        el("td", { text: e.actor1 }),
        el("td", { text: e.actor2 }),
        el("td", { text: e.location }),
        el("td", { text: e.admin1 }),
        el("td", { class: "num", text: String(e.fatalities) }),
        el("td", { text: e.source_outlet }),
        el("td", {}, link));
      tr.addEventListener("click", (ev) => {
        if (ev.target !== link) window.location.hash = articleHref(e.doc);
      });
      tbody.appendChild(tr);
    }
    $("#count").textContent = total > events.length ? `(${events.length} sur ${total})` : `(${events.length})`;
  }

  /* ---------- overview ---------- */

  let loadSeq = 0;

  async function loadOverview() {
    const seq = ++loadSeq;
    const q = currentFilters();
    setStatus("Chargement…");
    try {
      const events = [];
      let total = 0;
      for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
        const page = await getJSON(`/events?${q}&limit=${PAGE}&offset=${offset}`);
        total = page.total;
        events.push(...page.items);
        if (events.length >= total || !page.items.length) break;
      }
      const stats = await getJSON(`/stats?${q}`);
      if (seq !== loadSeq) return;  // a newer filter won
      drawMarkers(events);
      drawTimeline(stats.by_day);
      drawTable(events, total);
      setStatus(`${total} événements, ${stats.clusters} faits distincts, ${stats.articles} articles`);
      document.body.dataset.loaded = "overview";
    } catch (err) {
      setStatus(`Erreur : ${err.message}`, true);
    }
  }

  /* ---------- article view ---------- */

  // Split the text at every span boundary and wrap covered pieces in <mark>, using text nodes only.
  function highlighted(text, spans) {
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      if (s.start >= 0 && s.end <= text.length && s.start < s.end) { cuts.add(s.start); cuts.add(s.end); }
    }
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = text.slice(a, b);
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      if (!covering.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      const mark = el("mark", {}, piece);
      mark.dataset.events = [...new Set(covering.map((s) => s.event))].join(" ");
      mark.title = [...new Set(covering.map((s) => `${s.eventIndex + 1}. ${s.field}`))].join(", ");
      frag.appendChild(mark);
    }
    return frag;
  }

  function eventCard(e, index, detail) {
    const card = el("section", { class: "event-card", "data-event": e.id },
      el("h3", { text: `${index + 1}. ${e.event_type} — ${e.sub_event_type}` }));
    card.style.borderLeftColor = colorOf(e.event_type);
    const facts = el("ul");
    facts.appendChild(el("li", { text: `Date : ${e.event_date || "?"} (précision ${e.time_precision})` }));
    facts.appendChild(el("li", { text: `Lieu : ${[e.location, e.admin1, e.country].filter(Boolean).join(", ")} (précision ${e.geo_precision})` }));
    facts.appendChild(el("li", { text: `Acteurs : ${actors(e)}` }));
    facts.appendChild(el("li", { text: `Morts : ${e.fatalities}` }));
    card.appendChild(facts);
    if (e.notes && (e.notes.fr || e.notes.en)) card.appendChild(el("p", { class: "note", text: e.notes.fr || e.notes.en }));
    card.appendChild(el("div", { class: "label", text: "Sources citées" }));
    const sources = el("ul", { class: "sources" });
    for (const s of e.sources) sources.appendChild(el("li", { text: s }));
    if (!e.sources.length) sources.appendChild(el("li", { text: "aucune" }));
    card.appendChild(sources);
    card.appendChild(el("div", { class: "label", text: "Termes connotés" }));
    const terms = el("ul", { class: "loaded-terms" });
    for (const t of e.loaded_terms) terms.appendChild(el("li", { text: `« ${t.term} » → ${t.neutral} (${t.side})` }));
    if (!e.loaded_terms.length) terms.appendChild(el("li", { text: "aucun" }));
    card.appendChild(terms);
    if (detail && detail.cluster) {
      const c = detail.cluster;
      card.appendChild(el("div", { class: "label", text: `Même fait rapporté par ${c.corroboration} média(s) indépendant(s)` }));
      const mentions = el("ul", { class: "mentions" });
      for (const m of detail.mentions) {
        if (m.id === e.id) continue;
        mentions.appendChild(el("li", {},
          el("a", { href: articleHref(m.doc), text: m.source_outlet || m.doc }),
          ` : ${m.fatalities} mort(s), ${m.event_date}`));
      }
      if (mentions.children.length) card.appendChild(mentions);
    }
    card.addEventListener("mouseenter", () => {
      for (const m of document.querySelectorAll("#article-text mark")) {
        m.classList.toggle("active", m.dataset.events.split(" ").includes(e.id));
      }
    });
    return card;
  }

  async function showArticle(id) {
    $("#overview").hidden = true;
    $("#article-view").hidden = false;
    $("#article-title").textContent = "…";
    $("#article-text").replaceChildren();
    $("#article-events").replaceChildren();
    try {
      const a = await getJSON(`/articles/${encodeURIComponent(id)}`);
      $("#article-title").textContent = a.title || a.id;
      const meta = [a.source, a.published].filter(Boolean).join(" · ");
      const metaNode = $("#article-meta");
      metaNode.replaceChildren(meta);
      if (a.url && /^https?:\/\//i.test(a.url)) {
        metaNode.appendChild(document.createTextNode(" · "));
        metaNode.appendChild(el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank", text: "source" }));
      }
      if (a.near_duplicate_of) {
        metaNode.appendChild(document.createTextNode(" · copie de "));
        metaNode.appendChild(el("a", { href: articleHref(a.near_duplicate_of), text: a.near_duplicate_of }));
      }
      const spans = [];
      a.events.forEach((e, i) => {
        for (const [field, list] of Object.entries(e.evidence_spans)) {
          for (const s of list) spans.push({ start: s.start, end: s.end, field, event: e.id, eventIndex: i });
        }
      });
      $("#article-text").replaceChildren(highlighted(a.original || a.text, spans));
      const details = await Promise.all(a.events.map((e) => getJSON(`/events/${encodeURIComponent(e.id)}`).catch(() => null)));
      const aside = $("#article-events");
      a.events.forEach((e, i) => aside.appendChild(eventCard(e, i, details[i])));
      if (!a.events.length) aside.appendChild(el("p", { text: "Aucun événement codé dans cet article." }));
      document.body.dataset.loaded = "article";
      window.scrollTo(0, 0);
    } catch (err) {
      $("#article-title").textContent = "Article introuvable";
      setStatus(`Erreur : ${err.message}`, true);
    }
  }

  function route() {
    const m = window.location.hash.match(/^#article\/(.+)$/);
    if (m) {
      showArticle(decodeURIComponent(m[1]));
    } else {
      $("#article-view").hidden = true;
      $("#overview").hidden = false;
      if (map) map.invalidateSize();
      document.body.dataset.loaded = "overview";
    }
  }

  /* ---------- start ---------- */

  function start() {
    fillTypeSelect();
    initMap();
    let timer = null;
    const form = $("#filters");
    form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(loadOverview, 250); });
    form.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(loadOverview, 50); });
    form.addEventListener("reset", () => setTimeout(loadOverview, 0));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); loadOverview(); });
    $("#back").addEventListener("click", (ev) => { ev.preventDefault(); window.location.hash = ""; });
    window.addEventListener("hashchange", route);
    loadOverview().then(route);
  }

  document.addEventListener("DOMContentLoaded", start);
})();
