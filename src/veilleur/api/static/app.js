/* Veilleur dashboard: map, timeline, table, article view and per-outlet framing over the JSON API.
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
  // Colours of the sides whose vocabulary loaded terms belong to; other sides get one from PALETTE.
  const SIDE_COLORS = {
    "pro-government": "#b03a2e",
    "pro-government (Syria/Russia/Iran)": "#b03a2e",
    "opposition": "#2471a3",
    "opposition/Western": "#5dade2",
    "jihadist": "#34495e",
  };
  const PALETTE = ["#d68910", "#229954", "#7d3c98", "#a04000", "#17a589", "#616a6b", "#c0392b", "#2e86c1"];
  const TOP_TERMS = 5;
  const MAX_EVENTS = 5000;
  const PAGE = 1000;
  const SVG_NS = "http://www.w3.org/2000/svg";
  const params = new URLSearchParams(window.location.search);
  // markers closer than this many pixels are drawn as one numbered cluster (?cluster=0 draws every point)
  const CLUSTER_RADIUS = params.get("cluster") === "0" ? 0 : 40;
  const FILTER_NAMES = ["event_type", "sub_event_type", "country", "admin1", "since", "until", "actor", "source",
    "min_fatalities"];
  const SUB_EVENT_TYPES = [
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters", "Violent demonstration",
    "Mob violence", "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other",
  ];
  // how often the page asks whether new events arrived (seconds; ?refresh=N, 0 turns it off)
  const REFRESH_SECONDS = params.has("refresh") ? Math.max(0, Number(params.get("refresh")) || 0) : 30;

  const $ = (sel) => document.querySelector(sel);
  const colorOf = (type) => COLORS[type] || "#34495e";
  const fmt = (x, digits) => Number(x).toLocaleString("fr-FR", { maximumFractionDigits: digits || 0 });

  function sideColor(side) {
    if (SIDE_COLORS[side]) return SIDE_COLORS[side];
    let h = 0;
    for (const ch of String(side)) h = (h * 31 + ch.codePointAt(0)) >>> 0;
    return PALETTE[h % PALETTE.length];
  }

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

  const plural = (n, one, many) => `${n} ${n > 1 ? many || `${one}s` : one}`;

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
    for (const name of FILTER_NAMES) {
      const value = form.elements[name].value.trim();
      if (value && !(name === "min_fatalities" && !(Number(value) > 0))) q.set(name, value);
    }
    return q;
  }

  function fillTypeSelect() {
    const select = $("#f-type");
    for (const t of EVENT_TYPES) select.appendChild(el("option", { value: t, text: t }));
    const subTypes = $("#sub-types");
    for (const t of SUB_EVENT_TYPES) subTypes.appendChild(el("option", { value: t }));
  }

  // The download links and the "n active" note follow the filters.
  function showFilters(q) {
    $("#dl-csv").href = `/events.csv?${q}`;
    $("#dl-geojson").href = `/events.geojson?${q}`;
    const n = [...q.keys()].length;
    $("#filters-active").textContent = n ? `(${n} actif${n > 1 ? "s" : ""})` : "";
  }

  /* ---------- map ---------- */

  let map = null;
  let markerLayer = null;
  let dataBounds = null;  // the bounds of the points last drawn
  let fitPending = false;  // drawn while the map was hidden: fit it when it shows

  function initMap() {
    // a zoom range is required by the clustering (it clusters per zoom level)
    map = L.map("map", { worldCopyJump: true, preferCanvas: false, minZoom: 2, maxZoom: 18 }).setView([34.8, 38.5], 6);
    const tiles = params.get("tiles");
    if (tiles && /^https:\/\//.test(tiles)) {
      // Leaflet renders an attribution as HTML: a link's text must never become markup
      const attribution = document.createElement("span");
      attribution.textContent = params.get("attribution") || "";
      L.tileLayer(tiles, { maxZoom: 18, attribution: attribution.innerHTML }).addTo(map);
    }
    markerLayer = (CLUSTER_RADIUS > 0 && L.markerClusterGroup
      ? L.markerClusterGroup({ maxClusterRadius: CLUSTER_RADIUS, showCoverageOnHover: false, spiderfyOnMaxZoom: true })
      : L.layerGroup()).addTo(map);
    // what the map shows, for whoever needs to check it (the tests do): "south,west,north,east"
    const showView = () => {
      const b = map.getBounds();
      $("#map").dataset.view = [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map((x) => x.toFixed(4)).join(",");
    };
    map.on("moveend zoomend resize", showView);
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
    const details = el("button", { type: "button", class: "popup-details link-button", text: "Recoupements entre médias" });
    details.addEventListener("click", () => showEventPanel(e.id));
    return el("div", { class: "popup" }, dl,
      el("a", { href: articleHref(e.doc), class: "popup-article", text: "Voir l'article et ses preuves" }),
      el("br"), details);
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
    $("#map").dataset.points = String(points.length);
    dataBounds = points.length ? L.latLngBounds(points) : null;
    fitPending = true;
    fitToData();
  }

  // Open the map on the data, not on a default view: only once the map has a size (a hidden map has none).
  function fitToData() {
    const box = $("#map");
    if (!fitPending || !dataBounds || !box.clientWidth || !box.clientHeight) return;
    map.invalidateSize();
    map.fitBounds(dataBounds, { padding: [30, 30], maxZoom: 8 });
    fitPending = false;
  }

  /* ---------- timeline ---------- */

  const DAY_MS = 86400000;
  const STEP_NAMES = { day: "jour", week: "semaine", month: "mois" };

  // The first day of the period that holds `day` (a "YYYY-MM-DD" string): itself, its ISO week's Monday, or
  // the first of its month.
  function periodStart(day, step) {
    if (step === "month") return day.slice(0, 8) + "01";
    if (step === "week") {
      const t = Date.parse(day);
      const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;
      return new Date(monday).toISOString().slice(0, 10);
    }
    return day;
  }

  function nextPeriod(start, step) {
    const d = new Date(Date.parse(start));
    if (step === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (step === "week" ? 7 : 1));
    return d.toISOString().slice(0, 10);
  }

  function periodLabel(start, step) {
    if (step === "month") return start.slice(0, 7);
    if (step === "week") return `sem. du ${start}`;
    return start;
  }

  // By day when the events span three months at most, by week up to two years, else by month.
  function chosenStep(days) {
    const step = $("#timeline-step").value;
    if (step !== "auto" || !days.length) return step === "auto" ? "day" : step;
    const span = (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / DAY_MS;
    return span <= 92 ? "day" : span <= 730 ? "week" : "month";
  }

  let lastByDay = {};

  function drawTimeline(byDayIn) {
    lastByDay = byDayIn;
    const step = chosenStep(Object.keys(byDayIn).sort());
    const byDay = {};  // period start -> type -> count
    for (const [day, types] of Object.entries(byDayIn)) {
      const per = byDay[periodStart(day, step)] ||= {};
      for (const [type, n] of Object.entries(types)) per[type] = (per[type] || 0) + n;
    }
    const box = $("#timeline");
    box.replaceChildren();
    box.dataset.step = step;
    box.setAttribute("aria-label", `Événements par ${STEP_NAMES[step]} et par type`);
    const days = Object.keys(byDay).sort();
    const legend = $("#legend");
    legend.replaceChildren();
    if (!days.length) return;
    const first = Date.parse(days[0]);
    const end = Date.parse(nextPeriod(days[days.length - 1], step));
    const span = Math.max(1, (end - first) / DAY_MS);  // in days: every period is as wide as its days
    const width = box.clientWidth || 500;
    const height = box.clientHeight || 220;
    const pad = { l: 28, r: 6, t: 8, b: 20 };
    const totals = days.map((d) => Object.values(byDay[d]).reduce((a, b) => a + b, 0));
    const max = Math.max(1, ...totals);
    const dayW = (width - pad.l - pad.r) / span;
    const y = (n) => ((height - pad.t - pad.b) * n) / max;
    const types = new Set();
    for (const d of days) {
      const x = pad.l + ((Date.parse(d) - first) / DAY_MS) * dayW;
      const barW = Math.max(1, ((Date.parse(nextPeriod(d, step)) - Date.parse(d)) / DAY_MS) * dayW - 1);
      let stacked = 0;
      for (const [type, n] of Object.entries(byDay[d]).sort()) {
        types.add(type);
        const h = y(n);
        const rect = svg("rect", {
          x: x.toFixed(1), y: (height - pad.b - stacked - h).toFixed(1), width: barW.toFixed(1), height: h.toFixed(1),
          fill: colorOf(type), class: "bar", "data-period": d,
        });
        const title = svg("title");
        title.textContent = `${periodLabel(d, step)} · ${type} : ${n}`;
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
    axis(pad.l, height - 5, periodLabel(days[0], step), "start");
    if (days.length > 1) axis(width - pad.r, height - 5, periodLabel(days[days.length - 1], step), "end");
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
      const cell = (label, text, cls) => el("td", { "data-label": label, class: cls || "", text });
      const tr = el("tr", { "data-event": e.id, title: "Recoupements et désaccords entre médias" },
        cell("Date", e.event_date || "?"),
        cell("Type", e.event_type),
        cell("Sous-type", e.sub_event_type),
        cell("Acteur 1", e.actor1),
        cell("Acteur 2", e.actor2),
        cell("Lieu", e.location),
        cell("Région", e.admin1),
        cell("Morts", String(e.fatalities), "num"),
        cell("Média", e.source_outlet),
        el("td", { "data-label": "Article" }, link));
      tr.addEventListener("click", (ev) => {
        if (ev.target !== link) showEventPanel(e.id);
      });
      tbody.appendChild(tr);
    }
    $("#count").textContent = total > events.length ? `(${events.length} sur ${total})` : `(${events.length})`;
  }

  /* ---------- overview ---------- */

  let loadSeq = 0;
  let lastEvents = null;  // {query, events}: the events the overview last drew

  async function fetchEvents(q) {
    const events = [];
    let total = 0;
    for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
      const page = await getJSON(`/events?${q}&limit=${PAGE}&offset=${offset}`);
      total = page.total;
      events.push(...page.items);
      if (events.length >= total || !page.items.length) break;
    }
    return { events, total };
  }

  let knownTotal = null;  // the event count the page shows (for the live refresh)

  async function loadOverview() {
    const seq = ++loadSeq;
    const q = currentFilters();
    setStatus("Chargement…");
    try {
      const { events, total } = await fetchEvents(q);
      const stats = await getJSON(`/stats?${q}`);
      if (seq !== loadSeq) return;  // a newer filter won
      lastEvents = { query: String(q), events };
      knownTotal = total;
      showFilters(q);
      drawMarkers(events);
      drawTimeline(stats.by_day);
      drawTable(events, total);
      if (currentView === "overview") {
        setStatus(`${plural(total, "événement")}, ${plural(stats.clusters, "fait distinct", "faits distincts")}, ` +
          plural(stats.articles, "article"));
        document.body.dataset.loaded = "overview";
      }
    } catch (err) {
      setStatus(`Erreur : ${err.message}`, true);
    }
  }

  /* ---------- one event: corroboration and disagreements across outlets ---------- */

  const FIELD_LABELS = {
    event_date: "Date", event_type: "Type", sub_event_type: "Sous-type", actor1: "Acteur 1", actor2: "Acteur 2",
    assoc_actor_1: "Acteur associé 1", assoc_actor_2: "Acteur associé 2", location: "Lieu", admin1: "Région",
    country: "Pays", fatalities: "Morts", latitude: "Latitude", longitude: "Longitude",
  };
  const shown = (v) => (v === "" || v === null || v === undefined ? "—" : String(v));

  // "Reported by n independent outlets", the other mentions (each linked to its article) and, field by field,
  // what each outlet says where they differ; the values that differ from the canonical coding stand out.
  function corroborationBlock(detail, selfId) {
    const box = el("div", { class: "corroboration" });
    const c = detail.cluster;
    if (!c) {
      box.appendChild(el("p", { class: "muted", text: "Rapporté par ce seul article." }));
      return box;
    }
    const outlets = c.outlets || [];
    box.appendChild(el("p", { class: "corroborated",
      text: `Rapporté par ${c.corroboration} média(s) indépendant(s) (${detail.mentions.length} mention(s))` +
        (outlets.length ? ` : ${outlets.join(", ")}` : "") }));
    const others = detail.mentions.filter((m) => m.id !== selfId);
    if (others.length) {
      const mentions = el("ul", { class: "mentions" });
      for (const m of others) {
        mentions.appendChild(el("li", {},
          el("a", { href: articleHref(m.doc), text: m.source_outlet || m.doc }),
          ` : ${m.fatalities} mort(s), ${m.event_date || "?"}, ${m.location || "?"}`));
      }
      box.appendChild(mentions);
    }
    const fields = Object.keys(c.disagreements || {});
    if (!fields.length) {
      box.appendChild(el("p", { class: "agreement", text: detail.mentions.length > 1 ? "Les médias concordent." : "" }));
      return box;
    }
    box.appendChild(el("h4", { text: "Désaccords entre médias" }));
    const table = el("table", { class: "disagreements" },
      el("thead", {}, el("tr", {}, el("th", { text: "Champ" }), el("th", { text: "Média" }), el("th", { text: "Valeur" }))));
    const body = el("tbody");
    for (const field of fields) {
      const entries = Object.entries(c.disagreements[field]).sort((a, b) => a[0].localeCompare(b[0], "fr"));
      entries.forEach(([outlet, value], i) => {
        const tr = el("tr", { "data-field": field },
          el("td", { text: i ? "" : (FIELD_LABELS[field] || field) }),
          el("td", { text: outlet || "(média inconnu)" }),
          el("td", { class: String(value) !== String(c[field]) ? "odd" : "", text: shown(value) }));
        body.appendChild(tr);
      });
    }
    table.appendChild(body);
    box.appendChild(table);
    box.appendChild(el("p", { class: "muted", text: "Retenu (codage canonique) : " +
      fields.map((f) => `${FIELD_LABELS[f] || f} = ${shown(c[f])}`).join(" ; ") }));
    return box;
  }

  let panelSeq = 0;

  async function showEventPanel(id) {
    const seq = ++panelSeq;
    const panel = $("#event-panel");
    const body = $("#event-panel-body");
    body.replaceChildren(el("p", { class: "muted", text: "Chargement…" }));
    panel.hidden = false;
    for (const tr of document.querySelectorAll("#events-table tr.selected")) tr.classList.remove("selected");
    const row = document.querySelector(`#events-table tr[data-event="${CSS.escape(id)}"]`);
    if (row) row.classList.add("selected");
    try {
      const d = await getJSON(`/events/${encodeURIComponent(id)}`);
      if (seq !== panelSeq) return;
      const facts = el("ul", { class: "facts" },
        el("li", { text: `Date : ${d.event_date || "?"}` }),
        el("li", { text: `Lieu : ${[d.location, d.admin1, d.country].filter(Boolean).join(", ") || "?"}` }),
        el("li", { text: `Acteurs : ${actors(d)}` }),
        el("li", { text: `Morts : ${d.fatalities}` }),
        el("li", { text: `Média : ${d.source_outlet || "—"}` }));
      body.replaceChildren(
        el("h3", { text: `${d.event_type} — ${d.sub_event_type}` }),
        facts,
        el("p", {}, el("a", { href: articleHref(d.doc), class: "panel-article", text: `Article : ${(d.article && d.article.title) || d.doc}` })),
        el("h4", { text: "Recoupements" }),
        corroborationBlock(d, d.id));
      panel.dataset.event = d.id;
    } catch (err) {
      body.replaceChildren(el("p", { class: "muted", text: `Erreur : ${err.message}` }));
    }
  }

  function closeEventPanel() {
    $("#event-panel").hidden = true;
    for (const tr of document.querySelectorAll("#events-table tr.selected")) tr.classList.remove("selected");
  }

  /* ---------- articles: every stored one, with its event count (zero included) ---------- */

  let articlesSeq = 0;

  async function loadArticles() {
    const seq = ++articlesSeq;
    const q = new URLSearchParams();
    const source = $("#f-source").value.trim();
    if (source) q.set("source", source);
    if ($("#a-empty").checked) q.set("without_events", "true");
    setStatus("Chargement…");
    try {
      const items = [];
      let total = 0;
      for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
        const page = await getJSON(`/articles?${q}&limit=${PAGE}&offset=${offset}`);
        total = page.total;
        items.push(...page.items);
        if (items.length >= total || !page.items.length) break;
      }
      if (seq !== articlesSeq || currentView !== "articles") return;
      const tbody = $("#articles-table tbody");
      tbody.replaceChildren(...items.map((a) => {
        const tr = el("tr", { "data-article": a.id, class: a.events ? "" : "no-event" },
          el("td", { "data-label": "Publié", text: a.published || "?" }),
          el("td", { "data-label": "Titre" }, el("a", { href: articleHref(a.id), text: a.title || a.id })),
          el("td", { "data-label": "Média", text: a.source }),
          el("td", { "data-label": "Événements", class: "num events", text: String(a.events) }),
          el("td", { "data-label": "Pourquoi aucun", class: "reason", text: a.events ? "" : (a.no_event_reason || "—") }));
        return tr;
      }));
      if (!items.length) tbody.appendChild(el("tr", {}, el("td", { colspan: "5", class: "muted", text: "Aucun article." })));
      const none = items.filter((a) => !a.events).length;
      $("#articles-count").textContent = `(${total}${none ? `, dont ${none} sans événement` : ""})`;
      setStatus(`${total} article(s)`);
      document.body.dataset.loaded = "articles";
    } catch (err) {
      setStatus(`Erreur : ${err.message}`, true);
    }
  }

  /* ---------- per-outlet framing profiles ---------- */

  // The dominant side as veilleur.frame.profile computes it: most terms, ties broken by name.
  function dominantSide(bySide) {
    const entries = Object.entries(bySide || {}).filter(([, n]) => n > 0);
    if (!entries.length) return null;
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return entries[0][0];
  }

  // (outlet, term) -> {neutrals: wordings used instead, most used first; family; side}, from the events'
  // loaded terms (the same word can get different neutral wordings in different contexts).
  function termWordings(events) {
    const byOutlet = new Map();
    const overall = new Map();
    const add = (map, key, t) => {
      const w = map.get(key) || { family: t.family, side: t.side, counts: new Map() };
      if (t.neutral) w.counts.set(t.neutral, (w.counts.get(t.neutral) || 0) + 1);
      map.set(key, w);
    };
    for (const e of events) {
      const outlet = e.source_outlet || "";
      for (const t of e.loaded_terms || []) {
        add(byOutlet, `${outlet}\u0000${t.term}`, t);
        add(overall, t.term, t);
      }
    }
    return (outlet, term) => {
      const w = byOutlet.get(`${outlet}\u0000${term}`) || overall.get(term);
      if (!w) return null;
      const neutrals = [...w.counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "fr"))
        .map(([n]) => n);
      return { family: w.family, side: w.side, neutrals };
    };
  }

  function fillOutletList(profiles) {
    const list = $("#outlets");
    list.replaceChildren();
    for (const p of profiles) if (p.outlet) list.appendChild(el("option", { value: p.outlet }));
  }

  function showOutlet(outlet) {
    $("#f-source").value = outlet;
    window.location.hash = "";
    loadOverview();
  }

  function sideBars(bySide, scale) {
    const entries = Object.entries(bySide || {}).filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (!entries.length) return el("span", { class: "muted", text: "aucun terme connoté" });
    const box = el("div", { class: "side-bars", role: "img" });
    box.setAttribute("aria-label", entries.map(([side, n]) => `${side} : ${n}`).join(", "));
    for (const [side, n] of entries) {
      const bar = el("span", { class: "bar" });
      bar.style.width = `${Math.max(2, (100 * n) / scale).toFixed(1)}%`;
      bar.style.background = sideColor(side);
      const row = el("div", { class: "side-row", title: `${side} : ${n}` },
        el("span", { class: "side-name", text: side }),
        el("span", { class: "track" }, bar),
        el("span", { class: "side-n", text: String(n) }));
      row.dataset.side = side;
      box.appendChild(row);
    }
    return box;
  }

  function topTerms(p, wording) {
    const entries = Object.entries(p.by_term || {})
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "fr")).slice(0, TOP_TERMS);
    if (!entries.length) return el("span", { class: "muted", text: "—" });
    const list = el("ol", { class: "top-terms" });
    for (const [term, n] of entries) {
      const w = wording(p.outlet, term);
      const li = el("li", {}, el("span", { class: "term", text: `« ${term} »` }));
      if (w && w.neutrals.length) {
        li.appendChild(document.createTextNode(" → "));
        li.appendChild(el("span", { class: "neutral", text: w.neutrals.join(" / ") }));
      }
      li.appendChild(el("span", { class: "term-n", text: ` ×${n}` }));
      if (w) li.title = [w.family, w.side].filter(Boolean).join(" · ");
      list.appendChild(li);
    }
    return list;
  }

  function drawProfiles(profiles, wording) {
    const tbody = $("#profiles-table tbody");
    tbody.replaceChildren();
    const selected = $("#f-source").value.trim().toLowerCase();
    const scale = Math.max(1, ...profiles.flatMap((p) => Object.values(p.by_side || {})));
    for (const p of profiles) {
      const total = p.loaded_terms ?? Object.values(p.by_side || {}).reduce((a, b) => a + b, 0);
      const density = p.density ?? (p.events ? total / p.events : 0);
      const dominant = p.dominant_side !== undefined ? p.dominant_side : dominantSide(p.by_side);
      const name = p.outlet
        ? el("button", { type: "button", class: "outlet-link", title: "Voir ses événements sur la carte", text: p.outlet })
        : el("span", { class: "muted", text: "(média inconnu)" });
      if (p.outlet) name.addEventListener("click", () => showOutlet(p.outlet));
      const dominantCell = el("td", { class: "dominant" });
      if (dominant) {
        const swatch = el("span", { class: "swatch" });
        swatch.style.background = sideColor(dominant);
        dominantCell.append(el("span", {}, swatch, el("span", { class: "side-label", text: dominant })));
      } else {
        dominantCell.appendChild(el("span", { class: "side-label muted", text: "—" }));
      }
      dominantCell.dataset.label = "Camp dominant";
      const tr = el("tr", {},
        el("td", { class: "outlet", "data-label": "Média" }, name),
        el("td", { class: "num events", "data-label": "Événements", text: String(p.events) }),
        el("td", { class: "num terms", "data-label": "Termes connotés", text: String(total) }),
        el("td", { class: "num density", "data-label": "Par événement", text: fmt(density, 2) }),
        dominantCell,
        el("td", { class: "sides", "data-label": "Termes par camp" }, sideBars(p.by_side, scale)),
        el("td", { class: "top", "data-label": "Plus fréquents" }, topTerms(p, wording)));
      tr.dataset.outlet = p.outlet;
      if (p.outlet && p.outlet.toLowerCase() === selected) tr.classList.add("selected");
      tbody.appendChild(tr);
    }
    if (!profiles.length) {
      tbody.appendChild(el("tr", {}, el("td", { colspan: "7", class: "muted", text: "Aucun événement pour ces filtres." })));
    }
  }

  let profilesSeq = 0;

  async function loadProfiles() {
    const seq = ++profilesSeq;
    const q = currentFilters();
    q.delete("source");  // list every outlet; the selected one is highlighted
    setStatus("Chargement…");
    try {
      const reuse = lastEvents && lastEvents.query === String(q);
      const [profiles, fetched] = await Promise.all([
        getJSON(`/profiles/outlets?${q}`),
        reuse ? Promise.resolve(lastEvents) : fetchEvents(q),
      ]);
      if (seq !== profilesSeq || currentView !== "profiles") return;
      drawProfiles(profiles, termWordings(fetched.events));
      if (!q.toString()) fillOutletList(profiles);
      setStatus(`${profiles.length} médias`);
      document.body.dataset.loaded = "profiles";
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

  const NOTE_LABELS = { fr: "Français", en: "English" };

  // The neutral sentences written from the event's fields (never quoting the article), FR then EN.
  function notesOf(e) {
    const notes = e.notes || {};
    const langs = ["fr", "en", ...Object.keys(notes).filter((k) => k !== "fr" && k !== "en").sort()]
      .filter((k) => typeof notes[k] === "string" && notes[k].trim());
    const box = el("div", { class: "notes" }, el("div", { class: "label", text: "Note neutre" }));
    if (!langs.length) {
      box.appendChild(el("p", { class: "muted", text: "aucune" }));
      return box;
    }
    const dl = el("dl");
    for (const lang of langs) {
      dl.appendChild(el("dt", { text: NOTE_LABELS[lang] || lang.toUpperCase() }));
      const dd = el("dd", { class: `note note-${lang}`, text: notes[lang] });
      if (/^[a-z]{2,3}$/.test(lang)) dd.setAttribute("lang", lang);
      dl.appendChild(dd);
    }
    box.appendChild(dl);
    return box;
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
    card.appendChild(notesOf(e));
    card.appendChild(el("div", { class: "label", text: "Sources citées" }));
    const sources = el("ul", { class: "sources" });
    for (const s of e.sources) sources.appendChild(el("li", { text: s }));
    if (!e.sources.length) sources.appendChild(el("li", { text: "aucune" }));
    card.appendChild(sources);
    card.appendChild(el("div", { class: "label", text: "Termes connotés" }));
    const terms = el("ul", { class: "loaded-terms" });
    for (const t of e.loaded_terms) {
      terms.appendChild(el("li", { text: `« ${t.term} » → ${t.neutral} (${[t.side, t.family].filter(Boolean).join(", ")})` }));
    }
    if (!e.loaded_terms.length) terms.appendChild(el("li", { text: "aucun" }));
    card.appendChild(terms);
    if (detail && detail.cluster) {
      card.appendChild(el("div", { class: "label", text: "Recoupements" }));
      card.appendChild(corroborationBlock(detail, e.id));
    }
    card.addEventListener("mouseenter", () => {
      for (const m of document.querySelectorAll("#article-text mark")) {
        m.classList.toggle("active", m.dataset.events.split(" ").includes(e.id));
      }
    });
    return card;
  }

  async function showArticle(id) {
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
      if (!a.events.length) {
        aside.appendChild(el("p", { class: "no-event", text: "Aucun événement codé dans cet article" +
          (a.no_event_reason ? ` : ${a.no_event_reason}.` : ".") }));
      }
      document.body.dataset.loaded = "article";
      window.scrollTo(0, 0);
    } catch (err) {
      $("#article-title").textContent = "Article introuvable";
      setStatus(`Erreur : ${err.message}`, true);
    }
  }

  /* ---------- views ---------- */

  let currentView = "overview";
  const VIEWS = { overview: "#overview", article: "#article-view", profiles: "#profiles-view", alerts: "#alerts-view",
    articles: "#articles-view" };
  const NAV = { overview: "#nav-map", articles: "#nav-articles", profiles: "#nav-outlets", alerts: "#nav-alerts" };

  function showView(name) {
    currentView = name;
    if (name !== "overview") closeEventPanel();
    for (const [view, sel] of Object.entries(VIEWS)) $(sel).hidden = view !== name;
    for (const [view, sel] of Object.entries(NAV)) {
      $(sel).classList.toggle("current", name === view);
      if (name === view) $(sel).setAttribute("aria-current", "page");
      else $(sel).removeAttribute("aria-current");
    }
  }

  function route() {
    const hash = window.location.hash;
    const m = hash.match(/^#article\/(.+)$/);
    if (m) {
      showView("article");
      showArticle(decodeURIComponent(m[1]));
    } else if (hash === "#medias") {
      showView("profiles");
      loadProfiles();
    } else if (hash === "#alertes") {
      showView("alerts");
      loadAlerts();
    } else if (hash === "#articles") {
      showView("articles");
      loadArticles();
    } else {
      showView("overview");
      if (map) {
        // back on the map from another view, it opens on the data again: a size it took while hidden or a
        // layout change since the last fit may leave points outside the view
        fitPending = true;
        map.invalidateSize();
        fitToData();
      }
      document.body.dataset.loaded = "overview";
    }
  }

  function reload() {
    loadOverview();
    if (currentView === "profiles") loadProfiles();
    if (currentView === "alerts") loadAlerts();
    if (currentView === "articles") loadArticles();
  }

  /* ---------- alerts, and new events as they arrive ---------- */

  async function loadAlerts() {
    try {
      const alerts = await getJSON("/alerts?limit=200");
      const tbody = $("#alerts-table tbody");
      tbody.replaceChildren(...alerts.map((a) => {
        const e = (a.payload && a.payload.event) || {};
        const link = e.doc ? el("a", { href: articleHref(e.doc) }, e.doc) : "";
        const td = (label, ...content) => el("td", { "data-label": label }, ...content);
        return el("tr", {}, td("Levée le", a.fired_at), td("Règle", a.rule), td("Type", e.sub_event_type || ""),
          td("Lieu", [e.location, e.country].filter(Boolean).join(", ")), td("Date", e.event_date || ""),
          td("Médias", ((a.payload && a.payload.outlets) || []).join(", ")), td("Article", link));
      }));
      setStatus(`${alerts.length} alerte(s)`);
      document.body.dataset.loaded = "alerts";
    } catch (err) {
      setStatus(`Erreur : ${err.message}`, true);
    }
  }

  // Poll the event count under the current filters; when the watcher has stored new events, redraw.
  async function checkForNew() {
    if (knownTotal === null) return;
    try {
      const page = await getJSON(`/events?${currentFilters()}&limit=1`);
      if (page.total === knownTotal) return;
      const added = page.total - knownTotal;
      await loadOverview();
      if (currentView === "profiles") loadProfiles();
      if (currentView === "alerts") loadAlerts();
      if (added > 0 && currentView === "overview") setStatus(`${added} nouvel(s) événement(s) — ${$("#status").textContent}`);
      document.body.dataset.newEvents = String(added);
    } catch (err) {
      // a missed poll is retried at the next tick
    }
  }

  /* ---------- start ---------- */

  function start() {
    fillTypeSelect();
    initMap();
    let timer = null;
    const form = $("#filters");
    form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(reload, 250); });
    form.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(reload, 50); });
    form.addEventListener("reset", () => { clearTimeout(timer); setTimeout(reload, 0); });
    form.addEventListener("submit", (ev) => { ev.preventDefault(); reload(); });
    $("#back").addEventListener("click", (ev) => { ev.preventDefault(); window.location.hash = ""; });
    $("#timeline-step").addEventListener("change", () => drawTimeline(lastByDay));
    $("#event-panel-close").addEventListener("click", closeEventPanel);
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeEventPanel(); });
    $("#a-empty").addEventListener("change", loadArticles);
    // the filters are open on a wide screen; on a phone they fold under their summary, above the map
    $("#filters-box").open = window.matchMedia("(min-width: 641px)").matches;
    window.addEventListener("resize", () => { if (map) { map.invalidateSize(); fitToData(); } });
    window.addEventListener("hashchange", route);
    getJSON("/profiles/outlets").then(fillOutletList).catch(() => {});
    loadOverview().then(route);
    if (REFRESH_SECONDS > 0) setInterval(checkForNew, REFRESH_SECONDS * 1000);
  }

  document.addEventListener("DOMContentLoaded", start);
})();
