// eventwire: hovering an event card outlines its spans in the article text. Optional sugar;
// the pages work without it.
document.querySelectorAll("article.event[data-event]").forEach(function (card) {
  var text = document.querySelector("div.text");
  if (!text) { return; }
  var id = card.getAttribute("data-event");
  card.addEventListener("mouseenter", function () {
    text.classList.add("focusing");
    text.querySelectorAll("mark[data-events]").forEach(function (m) {
      if (m.getAttribute("data-events").split(" ").indexOf(id) >= 0) { m.classList.add("focus"); }
    });
  });
  card.addEventListener("mouseleave", function () {
    text.classList.remove("focusing");
    text.querySelectorAll("mark.focus").forEach(function (m) { m.classList.remove("focus"); });
  });
});
