var CONFIG = {"version": "dev", "shell": "/hours/offline/", "scope": "/hours/", "assets": []};
/* Mizan time log: the service worker. It keeps the offline page and its files, so /hours/ opens without
   a network; the page's own script (timelog.js) keeps entries on the phone and sends them later.
   Pages with personal data are never stored here: when offline, any /hours/ page shows the offline page.
   The first line is filled in by the server (mizan/wages/views/offline.py) with the real file names. */
"use strict";
var CACHE = "mizan-hours-" + CONFIG.version;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll([CONFIG.shell].concat(CONFIG.assets));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (key) {
        return key.indexOf("mizan-hours-") === 0 && key !== CACHE;
      }).map(function (key) { return caches.delete(key); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && url.pathname.indexOf(CONFIG.scope) === 0) {
    event.respondWith(fetch(request).catch(function () {
      return caches.match(CONFIG.shell, { ignoreVary: true }).then(function (hit) {
        return hit || Response.error();
      });
    }));
    return;
  }
  if (CONFIG.assets.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(request, { ignoreVary: true }).then(function (hit) {
      return hit || fetch(request);
    }));
  }
});
