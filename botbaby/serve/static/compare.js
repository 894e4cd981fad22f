// The "How they differ" view: each side's most distinctive words and how well each bot speaks for its
// side, from GET /compare (what `botbaby compare` found). A static deployment may also ship them as
// compare.json beside the page, which is read when the API has none.
// Every string from the API is put on the page with textContent, never as HTML.
(function () {
  "use strict";

  const API = String(window.BOTBABY_API || "").replace(/\/+$/, "");
  const byId = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function share(value) {
    return typeof value === "number" ? Math.round(value * 100) + "%" : "n/a";
  }

  function number(value, digits) {
    return typeof value === "number" ? value.toFixed(digits) : "n/a";
  }

  async function getJson(url) {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      let body = null;
      try {
        body = await response.json();
      } catch (err) {
        body = null;
      }
      return { status: response.status, body: body };
    } catch (err) {
      return { status: 0, body: null };
    }
  }

  function figure(list, label, value) {
    list.append(el("dt", "", label), el("dd", "", value));
  }

  function sideCard(view, side, index, about) {
    const info = about[side] || {};
    const card = el("article", "differ-side column side-" + (index % 3));
    card.dataset.side = side;
    if (/^#[0-9a-fA-F]{6}$/.test(info.colour || "")) card.style.setProperty("--side", info.colour);
    card.append(el("h3", "", side + " uses more")); // the camp's own posts, not its bot (the label names the bot)
    const terms = view.divergence[side] || [];
    const top = terms.length ? terms[0].z : 1;
    const list = el("ol", "terms");
    terms.forEach((row) => {
      const item = el("li");
      const bar = el("span", "bar");
      bar.style.width = Math.max(4, Math.round((100 * row.z) / top)) + "%";
      item.append(bar, el("span", "term", row.term),
                  el("span", "z", "z " + number(row.z, 1) + " · " + row.count + "×"));
      list.append(item);
    });
    card.append(list);

    const facts = el("dl", "facts");
    const own = (view.classifier.own_side_share || {})[side];
    if (own !== undefined) figure(facts, "bot posts that read as " + side, share(own));
    const copied = (view.memorisation || {})[side];
    if (copied) {
      figure(facts, "bot posts repeating " + copied.span_words + "+ words of its training text",
             share(copied.share) + (copied.longest_words ? " (longest: " + copied.longest_words + " words)" : ""));
    }
    const diversity = (view.diversity || {})[side];
    if (diversity && diversity.generated.posts) {
      figure(facts, "distinct word pairs, bot / real posts",
             number(diversity.generated.distinct_2, 2) + " / " + number(diversity.real.distinct_2, 2));
    }
    figure(facts, "perplexity on held-out posts", number((view.perplexity || {})[side], 1));
    const sentiment = (view.sentiment || {})[side];
    if (sentiment) {
      const moods = ["POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"];
      const real = moods.map((mood) => mood.toLowerCase() + " " + share(sentiment.real[mood])).join(", ");
      figure(facts, "sentiment of real posts", real);
      if (sentiment.generated) {
        figure(facts, "sentiment of bot posts",
               moods.map((mood) => mood.toLowerCase() + " " + share(sentiment.generated[mood])).join(", "));
      }
    }
    card.append(facts);
    return card;
  }

  function render(view, about) {
    const status = byId("differ-status");
    const accuracy = view.classifier.heldout_accuracy;
    status.textContent = typeof accuracy === "number"
      ? "A classifier trained on each side's own posts tells the sides apart " + share(accuracy) +
        " of the time on posts it has not seen; below, how each bot's posts fare with it."
      : "Each side's most distinctive words (Fightin' Words z-scores).";
    const body = byId("differ-body");
    body.replaceChildren(...view.sides.map((side, index) => sideCard(view, side, index, about)));
    body.hidden = false;
  }

  async function load() {
    let answer = await getJson(API + "/compare");
    if (answer.status !== 200) {
      const shipped = await getJson("compare.json");
      if (shipped.status === 200 && shipped.body && shipped.body.divergence) answer = shipped;
    }
    const section = byId("differ");
    if (answer.status === 200 && answer.body && answer.body.divergence) {
      const about = {}; // each side's colour, as the columns above use it
      const described = await getJson(API + "/about");
      if (described.status === 200 && described.body && Array.isArray(described.body.sides)) {
        described.body.sides.forEach((info) => { about[info.id] = info; });
      }
      render(answer.body, about);
    } else {
      byId("differ-status").textContent = (answer.body && answer.body.error) ||
        "No comparison yet: run botbaby compare on the data folder, then reload.";
    }
    section.dataset.ready = "true";
  }

  load();
})();
