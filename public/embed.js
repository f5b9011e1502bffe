// Kundenwert-Simulator host script: fits each embedded simulator iframe to
// the height its page reports ({type: "kundenwert:resize", height}). Add it
// once per page: <script src=".../embed.js" defer></script>
// Only frames of the app's own origin (where this script was loaded from)
// are resized, and only by a message from that frame's window with that
// origin: an ad or video frame on the same page cannot grow or hide itself.
(function () {
  var script = document.currentScript;
  var appOrigin = new URL(script && script.src ? script.src : location.href, location.href).origin;
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 10000;

  function originOf(frame) {
    try {
      return new URL(frame.src, location.href).origin;
    } catch (_error) {
      return null;
    }
  }

  addEventListener('message', function (event) {
    if (event.origin !== appOrigin) return;
    var data = event.data;
    if (!data || data.type !== 'kundenwert:resize' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height)));
    document.querySelectorAll('iframe').forEach(function (frame) {
      if (frame.contentWindow === event.source && originOf(frame) === appOrigin) frame.style.height = height + 'px';
    });
  });
})();
