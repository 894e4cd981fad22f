// The botbaby page: one prompt, each side's posts side by side.
// Every string from the API or the user is put on the page with textContent, never as HTML.
(function () {
  "use strict";

  const API = String(window.BOTBABY_API || "").replace(/\/+$/, "");
  const POLL_MS = 1500; // how often a waiting column asks for its job
  const SETTINGS = ["num_samples", "length", "temperature", "top_p", "top_k"];
  const byId = (id) => document.getElementById(id);

  let sides = [];
  let about = {}; // side id -> {label, colour, description} from /about
  let round = 0; // bumped by every Generate, so an older round's answers and polls are dropped

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function say(text, isError) {
    const message = byId("message");
    message.textContent = text || "";
    message.classList.toggle("error", Boolean(isError));
  }

  async function call(path, options) {
    let response;
    try {
      response = await fetch(API + path, Object.assign({ headers: { Accept: "application/json" } }, options));
    } catch (err) {
      return { status: 0, body: { error: "cannot reach the server; is it running?" } };
    }
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      body = { error: "the server answered " + response.status + " without JSON" };
    }
    return { status: response.status, body: body };
  }

  function query(params) {
    return Object.keys(params)
      .filter((key) => params[key] !== "" && params[key] !== undefined && params[key] !== null)
      .map((key) => encodeURIComponent(key) + "=" + encodeURIComponent(params[key]))
      .join("&");
  }

  function label(side) {
    return (about[side] && about[side].label) || side;
  }

  // --- columns ---------------------------------------------------------------------------------

  function buildColumns() {
    const columns = byId("columns");
    columns.replaceChildren();
    columns.style.setProperty("--sides", String(Math.max(1, sides.length)));
    const notes = byId("side-notes");
    notes.replaceChildren();
    sides.forEach((side, index) => {
      const info = about[side] || {};
      const column = el("article", "column side-" + (index % 3));
      column.dataset.side = side;
      if (/^#[0-9a-fA-F]{6}$/.test(info.colour || "")) column.style.setProperty("--side", info.colour);
      const head = el("header", "column-head");
      head.append(el("h2", "", label(side)));
      if (info.description) head.append(el("p", "description", info.description));
      head.append(el("p", "summary"));
      column.append(head);
      column.append(el("div", "state", "Type a prompt and press Generate."));
      column.append(el("div", "posts"));
      columns.append(column);
      if (info.description) {
        const note = el("li");
        note.append(el("b", "", label(side) + ": "), document.createTextNode(info.description));
        notes.append(note);
      }
    });
  }

  function column(side) {
    return Array.from(byId("columns").children).find((node) => node.dataset.side === side);
  }

  function setState(side, text, kind) {
    const state = column(side).querySelector(".state");
    state.textContent = text;
    state.className = "state" + (kind ? " " + kind : "");
    state.hidden = !text;
  }

  function card(side, post) {
    const index = sides.indexOf(side);
    const node = el("div", "card" + (post.majority === false ? " minority" : ""));
    node.append(el("div", "avatar", label(side).charAt(0).toUpperCase()));
    const body = el("div", "body");
    const who = el("div", "who");
    who.append(el("b", "", label(side)), document.createTextNode(" @botbaby_" + side));
    body.append(who, el("p", "text", post.text));
    const score = typeof post.score === "number" ? " " + Math.round(post.score * 100) + "%" : "";
    body.append(el("span", "badge " + String(post.sentiment).replace(/[^A-Z]/g, ""), post.sentiment + score));
    node.append(body);
    node.classList.add("side-" + (index % 3));
    return node;
  }

  // "mostly negative: 7 of 10": the majority's sentiment and how many of the posts share it
  function summary(posts) {
    const counts = {};
    posts.forEach((post) => { counts[post.sentiment] = (counts[post.sentiment] || 0) + 1; });
    const majority = posts.filter((post) => post.majority !== false);
    if (!majority.length) return "";
    const mood = String(majority[0].sentiment).toLowerCase();
    return "mostly " + mood + ": " + counts[majority[0].sentiment] + " of " + posts.length;
  }

  function showPosts(side, posts) {
    const list = column(side).querySelector(".posts");
    list.replaceChildren(...posts.map((post) => card(side, post)));
    column(side).querySelector(".summary").textContent = summary(posts);
    setState(side, posts.length ? "" : "No post survived post-processing for this prompt; try another.");
  }

  // --- generating ------------------------------------------------------------------------------

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async function fill(side, params, myRound) {
    const started = Date.now();
    let answer = await call("/generate?" + query(Object.assign({ model: side, view: "all" }, params)));
    while (answer.status === 202 && myRound === round) {
      const seconds = Math.round((Date.now() - started) / 1000);
      setState(side, "New prompt: the " + label(side) + " is writing… " + seconds + " s (this can take a minute)", "waiting");
      await sleep(POLL_MS);
      if (myRound !== round) return;
      answer = await call(answer.body.location || "/jobs/" + answer.body.job + "?view=all");
    }
    if (myRound !== round) return;
    if (answer.status === 200 && Array.isArray(answer.body)) {
      showPosts(side, answer.body);
    } else {
      setState(side, (answer.body && answer.body.error) || "something went wrong (" + answer.status + ")", "error");
    }
  }

  async function generate(prompt) {
    prompt = prompt.trim();
    if (!prompt) {
      say("Type a prompt first.", true);
      return;
    }
    if (!sides.length) {
      say("No side is served: train a model first.", true);
      return;
    }
    const myRound = ++round;
    const params = { prompt: prompt };
    SETTINGS.forEach((name) => { params[name] = byId(name).value; });
    say("");
    hideSuggestions();
    byId("generate").disabled = true;
    sides.forEach((side) => {
      column(side).querySelector(".posts").replaceChildren();
      column(side).querySelector(".summary").textContent = "";
      setState(side, "Asking the " + label(side) + "…", "waiting");
    });
    try {
      await Promise.all(sides.map((side) => fill(side, params, myRound)));
    } finally {
      if (myRound === round) byId("generate").disabled = false;
    }
    loadPopular();
  }

  // --- autocomplete ----------------------------------------------------------------------------

  let suggestTimer = null;
  let suggestRequest = 0;

  function hideSuggestions() {
    byId("suggestions").hidden = true;
    byId("prompt").setAttribute("aria-expanded", "false");
  }

  function pick(text) {
    byId("prompt").value = text;
    hideSuggestions();
    byId("prompt").focus();
  }

  async function suggest() {
    const prefix = byId("prompt").value.trim();
    const mine = ++suggestRequest;
    const answer = await call("/prompts?" + query({ prefix: prefix, limit: 8 }));
    if (mine !== suggestRequest) return;
    const list = byId("suggestions");
    const items = answer.status === 200 && Array.isArray(answer.body) ? answer.body : [];
    list.replaceChildren(...items.map((text, index) => {
      const item = el("li", "", text);
      item.id = "suggestion-" + index;
      item.setAttribute("role", "option");
      item.addEventListener("mousedown", (event) => { event.preventDefault(); pick(text); });
      return item;
    }));
    // nothing to suggest beyond what is typed: no list (it would only hide the page below)
    const typed = byId("prompt").value.trim().toLowerCase();
    list.hidden = items.length === 0 || document.activeElement !== byId("prompt") ||
      (items.length === 1 && String(items[0]).toLowerCase() === typed);
    byId("prompt").setAttribute("aria-expanded", String(!list.hidden));
  }

  function moveSelection(step) {
    const items = Array.from(byId("suggestions").children);
    if (byId("suggestions").hidden || !items.length) return false;
    const current = items.findIndex((item) => item.getAttribute("aria-selected") === "true");
    const next = (current + step + items.length) % items.length;
    items.forEach((item, index) => item.setAttribute("aria-selected", String(index === next)));
    byId("prompt").setAttribute("aria-activedescendant", items[next].id);
    return true;
  }

  // --- popular prompts and feedback ------------------------------------------------------------

  async function loadPopular() {
    const answer = await call("/popular?limit=20");
    if (answer.status !== 200 || !Array.isArray(answer.body)) return;
    const seen = new Set();
    const list = byId("popular");
    list.replaceChildren();
    answer.body.forEach((entry) => {
      const key = String(entry.prompt).toLowerCase();
      if (seen.has(key) || seen.size >= 8) return;
      seen.add(key);
      const button = el("button", "", entry.prompt);
      button.type = "button";
      button.addEventListener("click", () => { byId("prompt").value = entry.prompt; generate(entry.prompt); });
      const item = el("li");
      item.append(button);
      list.append(item);
    });
    list.parentElement.hidden = seen.size === 0;
  }

  async function sendFeedback(event) {
    event.preventDefault();
    const status = byId("feedback-status");
    const body = { message: byId("feedback-message").value };
    if (byId("prompt").value.trim()) body.prompt = byId("prompt").value.trim().slice(0, 280);
    if (byId("feedback-rating").value) body.rating = Number(byId("feedback-rating").value);
    const answer = await call("/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    if (answer.status === 201) {
      status.textContent = "Thanks!";
      byId("feedback-message").value = "";
    } else {
      status.textContent = (answer.body && answer.body.error) || "could not send the feedback";
    }
  }

  // --- start -----------------------------------------------------------------------------------

  async function start() {
    byId("ask").addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(suggestTimer);
      suggestRequest++; // a suggestion list still on its way must not open over the answers
      hideSuggestions();
      generate(byId("prompt").value);
    });
    const prompt = byId("prompt");
    prompt.addEventListener("input", () => {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(suggest, 150);
    });
    prompt.addEventListener("focus", () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 0); });
    prompt.addEventListener("blur", hideSuggestions);
    prompt.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" && moveSelection(1)) event.preventDefault();
      else if (event.key === "ArrowUp" && moveSelection(-1)) event.preventDefault();
      else if (event.key === "Escape") hideSuggestions();
      else if (event.key === "Enter") {
        const selected = byId("suggestions").querySelector('[aria-selected="true"]');
        if (selected && !byId("suggestions").hidden) {
          event.preventDefault();
          pick(selected.textContent);
        }
      }
    });
    byId("feedback-form").addEventListener("submit", sendFeedback);

    const answer = await call("/sides");
    if (answer.status !== 200 || !Array.isArray(answer.body)) {
      say((answer.body && answer.body.error) || "cannot load the sides", true);
      return;
    }
    sides = answer.body;
    const described = await call("/about");
    if (described.status === 200 && described.body && Array.isArray(described.body.sides)) {
      described.body.sides.forEach((info) => { about[info.id] = info; });
    }
    buildColumns();
    loadPopular();
    document.body.dataset.ready = "true";
  }

  start();
})();
