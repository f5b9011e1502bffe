// Kundenwert-Simulator host script: fits each embedded simulator iframe to
// the height its page reports ({type: "kundenwert:resize", height}). Add it
// once per page: <script src=".../embed.js" defer></script>
addEventListener('message', function (event) {
  var data = event.data;
  if (!data || data.type !== 'kundenwert:resize' || typeof data.height !== 'number') return;
  document.querySelectorAll('iframe').forEach(function (frame) {
    if (frame.contentWindow === event.source) frame.style.height = Math.min(Math.ceil(data.height), 10000) + 'px';
  });
});
