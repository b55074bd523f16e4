/* Mizan time log, offline: Start/Stop, whole days and forgotten entries are saved on the phone
   (IndexedDB) as events with ids made here, then sent to /api/v1/wages/events. The server stores an id
   once, so sending again after a lost answer never makes a duplicate. Without this script every form
   still posts to the server. No framework; no inline code (the Content-Security-Policy forbids it). */
(function () {
  "use strict";
  var configNode = document.getElementById("timelog-config");
  if (!configNode || !window.indexedDB || !window.fetch || !window.Promise) return;
  var config = JSON.parse(configNode.textContent);
  var text = JSON.parse(document.getElementById("timelog-text").textContent);
  var kinds = JSON.parse(text.kinds);
  var statusNode = document.getElementById("timelog-status");
  var queueNode = document.getElementById("timelog-queue");
  var nowNode = document.getElementById("timelog-now");
  var lang = document.documentElement.lang || "en";
  var dbPromise = null;
  var flushing = false;

  function openDb() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var request = indexedDB.open("mizan-hours", 1);
        request.onupgradeneeded = function () {
          var db = request.result;
          db.createObjectStore("queue", { keyPath: "client_id" });
          db.createObjectStore("held", { keyPath: "client_id" });
          db.createObjectStore("meta", { keyPath: "key" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return dbPromise;
  }

  function store(name, mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(name, mode);
        var result = work(tx.objectStore(name));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : result); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  function all(name) { return store(name, "readonly", function (s) { return s.getAll(); }); }
  function put(name, value) { return store(name, "readwrite", function (s) { s.put(value); }); }
  function remove(name, keys) {
    return store(name, "readwrite", function (s) { keys.forEach(function (k) { s.delete(k); }); });
  }
  function meta(key) {
    return store("meta", "readonly", function (s) { return s.get(key); }).then(function (row) {
      return row ? row.value : undefined;
    });
  }
  function setMeta(key, value) { return put("meta", { key: key, value: value }); }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function say(message) { if (statusNode) statusNode.textContent = message; }

  // The offset of an IANA zone at an instant, in minutes (Intl knows the zones; Date only knows the phone's).
  function zoneOffset(zone, ms) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit"
    }).formatToParts(new Date(ms)).forEach(function (p) { parts[p.type] = p.value; });
    var asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
    return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
  }

  // The instant the workplace clock showed day (YYYY-MM-DD) and time (HH:MM).
  function workplaceInstant(zone, day, time) {
    var d = day.split("-"), t = (time || "00:00").split(":");
    var wall = Date.UTC(+d[0], +d[1] - 1, +d[2], +t[0], +t[1]);
    var guess = wall - zoneOffset(zone, wall) * 60000;
    return new Date(wall - zoneOffset(zone, guess) * 60000);
  }

  function workplaceToday(zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  function nextDay(day) {
    var d = day.split("-"), next = new Date(Date.UTC(+d[0], +d[1] - 1, +d[2] + 1));
    return next.toISOString().slice(0, 10);
  }

  function phoneZone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return ""; }
  }

  function clock(iso, zone) {
    try {
      return new Intl.DateTimeFormat(lang, { timeZone: zone || undefined, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
    } catch (e) { return iso; }
  }

  function event(fields) {
    var now = new Date();
    return {
      client_id: uuid(), kind: fields.kind, starts_at: fields.starts_at, ends_at: fields.ends_at || null,
      utc_offset_minutes: -now.getTimezoneOffset(), time_zone: phoneZone(), recorded_at: now.toISOString(),
      note: fields.note || "", replaces: fields.replaces || null, deleted: false
    };
  }

  function state() {
    return Promise.all([meta("zone"), meta("running"), meta("owner")]).then(function (v) {
      return { zone: v[0] || "UTC", running: v[1] || [], owner: v[2] || "" };
    });
  }

  function queue(events, running, owner) {
    var added = Date.now();
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(["queue", "meta"], "readwrite");
        events.forEach(function (e, i) { tx.objectStore("queue").put({ client_id: e.client_id, event: e, owner: owner, added: added + i }); });
        tx.objectStore("meta").put({ key: "running", value: running });
        tx.oncomplete = resolve;
        tx.onerror = function () { reject(tx.error); };
      });
    }).then(function () {
      say(text.queued);
      return render();
    }).then(flush);
  }

  function stopEvents(running, nowIso) {
    return running.map(function (r) {
      return event({ kind: r.kind, starts_at: r.starts_at, ends_at: nowIso, note: r.note, replaces: r.client_id });
    });
  }

  function onSubmit(form, action) {
    return state().then(function (s) {
      var nowIso = new Date().toISOString();
      var events = [];
      var running = s.running;
      if (action === "start" || action === "stop") {
        events = stopEvents(running, nowIso);
        running = [];
        if (action === "start") {
          var started = event({ kind: form.elements.kind.value, starts_at: nowIso });
          events.push(started);
          running = [{ client_id: started.client_id, kind: started.kind, starts_at: started.starts_at, note: "" }];
        }
      } else if (action === "day") {
        var today = workplaceToday(s.zone);
        events.push(event({ kind: form.elements.kind.value, starts_at: workplaceInstant(s.zone, today).toISOString(),
          ends_at: workplaceInstant(s.zone, nextDay(today)).toISOString() }));
      } else if (action === "add") {
        var f = form.elements, day = f.day.value, from = f.start.value, to = f.end.value;
        var wholeDay = f.kind.value === "day_off" || f.kind.value === "sick_day";
        if (!f.kind.value || !day || (!from) !== (!to) || (!from && !wholeDay)) { form.submit(); return; }  // the server explains
        var starts = workplaceInstant(s.zone, day, from || "00:00");
        var endDay = (!from || to <= from) ? nextDay(day) : day;
        var ends = workplaceInstant(s.zone, endDay, to || "00:00");
        events.push(event({ kind: f.kind.value, starts_at: starts.toISOString(), ends_at: ends.toISOString(), note: f.note.value }));
        form.reset();
      }
      if (events.length) return queue(events, running, s.owner);
      return render();
    });
  }

  function flush() {
    if (flushing) return Promise.resolve();
    flushing = true;
    return state().then(function (s) {
      return all("queue").then(function (rows) {
        rows = rows.filter(function (r) { return r.owner === s.owner; }).sort(function (a, b) { return a.added - b.added; });
        if (!rows.length) return;
        if (!navigator.onLine) { say(text.queued); return; }
        say(text.sending);
        return send(rows, false);
      });
    }).catch(function () { say(text.later); }).then(function () { flushing = false; return render(); });
  }

  function token(fresh) {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (!fresh && field) return Promise.resolve(field.value);
    return fetch(config.token_url, { credentials: "same-origin" }).then(function (r) { return r.json(); })
      .then(function (body) { if (field) field.value = body.token; return body.token; });
  }

  function send(rows, freshToken) {
    return token(freshToken).then(function (csrf) {
      return fetch(config.api, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json" },
        body: JSON.stringify({ events: rows.map(function (r) { return r.event; }) })
      });
    }).then(function (response) {
      if (response.ok) {
        return remove("queue", rows.map(function (r) { return r.client_id; })).then(function () {
          say(text.sent);
          // The day's list comes from the server: show it with what was just sent.
          if (config.refresh && !config.shell) {
            try { sessionStorage.setItem("mizan-hours-status", text.sent); } catch (e) { return; }
            location.reload();
          }
        });
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        var type = String(problem.type || "");
        if (response.status === 403 && /csrf_failed$/.test(type) && !freshToken) return send(rows, true);
        if (response.status === 401 || response.status === 403) { say(text.sign_in); return; }
        if (response.status === 409 || response.status === 422) return hold(rows, problem);
        say(text.later);
      });
    }, function () { say(navigator.onLine ? text.later : text.offline); });
  }

  // Entries the server refused are kept aside on the phone (never thrown away) and shown; the rest go on.
  function hold(rows, problem) {
    var bad = {};
    (problem.errors || []).forEach(function (e) {
      var loc = e.loc || [];
      var at = loc.indexOf("events");
      if (at >= 0 && typeof loc[at + 1] === "number") bad[loc[at + 1]] = e.msg;
    });
    var indexes = Object.keys(bad);
    if (!indexes.length) { say(text.later); return; }
    var held = rows.filter(function (r, i) { return i in bad; });
    var rest = rows.filter(function (r, i) { return !(i in bad); });
    return Promise.all(held.map(function (r) {
      return put("held", { client_id: r.client_id, event: r.event, owner: r.owner, reason: problem.detail || "" });
    })).then(function () {
      return remove("queue", held.map(function (r) { return r.client_id; }));
    }).then(function () { return rest.length ? send(rest, false) : undefined; });
  }

  function describe(e, zone) {
    return (kinds[e.kind] || e.kind) + ": " + clock(e.starts_at, zone) + (e.ends_at ? " – " + clock(e.ends_at, zone) : "");
  }

  function render() {
    return Promise.all([state(), all("queue"), all("held")]).then(function (v) {
      var s = v[0], rows = v[1].concat(v[2]).filter(function (r) { return r.owner === s.owner; });
      if (nowNode) {
        nowNode.textContent = s.running.length ? text.now + " " + s.running.map(function (r) {
          return (kinds[r.kind] || r.kind) + " " + text.since + " " + clock(r.starts_at, s.zone);
        }).join("; ") : text.nothing;
      }
      if (!queueNode) return;
      var list = queueNode.querySelector("ul");
      list.textContent = "";
      rows.forEach(function (r) {
        var item = document.createElement("li");
        item.textContent = (r.reason ? text.held + " " : "") + describe(r.event, s.zone) + (r.reason ? " (" + r.reason + ")" : "");
        list.appendChild(item);
      });
      queueNode.hidden = rows.length === 0;
    });
  }

  function start() {
    try {
      var carried = sessionStorage.getItem("mizan-hours-status");
      if (carried) { sessionStorage.removeItem("mizan-hours-status"); say(carried); }
    } catch (e) { /* storage blocked: nothing to carry */ }
    var pending = all("queue");
    return Promise.all([pending, meta("owner")]).then(function (v) {
      var writes = [];
      if (!config.shell) {
        writes.push(setMeta("owner", config.owner));
        if (config.zone) writes.push(setMeta("zone", config.zone));
        // The page knows what runs on the server; what this phone queued (not sent yet) is newer.
        var mine = v[0].filter(function (r) { return r.owner === config.owner; });
        if (config.running && !mine.length) writes.push(setMeta("running", config.running));
      }
      return Promise.all(writes);
    }).then(render).then(flush);
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    var action = form.getAttribute && form.getAttribute("data-timelog");
    if (!action) return;
    e.preventDefault();
    onSubmit(form, action).catch(function () { form.submit(); });
  });
  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { say(text.offline); });
  document.addEventListener("visibilitychange", function () { if (!document.hidden) flush(); });
  if ("serviceWorker" in navigator && config.sw) {
    navigator.serviceWorker.register(config.sw, { scope: config.scope }).catch(function () {});
  }
  start().catch(function () {});
})();
