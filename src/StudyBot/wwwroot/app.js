// StudyBot web chat: plain JavaScript, no build step. Talks to POST /api/chat and polls the channel feed.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const transcript = $("transcript");
  const askForm = $("ask-form");
  const question = $("question");
  const sendButton = $("send");
  const counter = $("counter");
  const nameInput = $("display-name");
  const namePrompt = $("name-prompt");
  const adminForm = $("admin-form");
  const adminBar = $("admin-bar");
  const adminError = $("admin-error");

  // The transcript is kept in this browser so a reload shows the same conversation, with answered quiz buttons
  // still answered; the newest entries win when it grows past the cap.
  const TRANSCRIPT_KEY = "studybot.transcript";
  const MAX_ENTRIES = 200;

  const state = {
    userId: localStorage.getItem("studybot.userId") || newId(),
    adminToken: sessionStorage.getItem("studybot.adminToken") || "",
    channelId: "web",
    lastPostId: 0,
    maxLength: Number(question.getAttribute("maxlength")) || 2000,
    busy: 0,
    entries: loadEntries(),
  };
  localStorage.setItem("studybot.userId", state.userId);
  const storedName = localStorage.getItem("studybot.displayName");
  nameInput.value = storedName || "Guest";
  nameInput.addEventListener("change", () => saveName(nameInput.value));

  function newId() {
    if (window.crypto && crypto.randomUUID) return "web-" + crypto.randomUUID();
    return "web-" + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function loadEntries() {
    try {
      const entries = JSON.parse(localStorage.getItem(TRANSCRIPT_KEY) || "[]");
      return Array.isArray(entries) ? entries : [];
    } catch {
      return [];
    }
  }

  function saveEntries() {
    state.entries = state.entries.slice(-MAX_ENTRIES);
    try {
      localStorage.setItem(TRANSCRIPT_KEY, JSON.stringify(state.entries));
    } catch {
      // Storage full or off: the conversation still works, it is only not kept.
    }
  }

  // --- the display name: asked for once, changeable at the top ---
  function saveName(value) {
    const name = value.trim() || "Guest";
    nameInput.value = name;
    localStorage.setItem("studybot.displayName", name);
    namePrompt.hidden = true;
  }

  namePrompt.hidden = !!storedName;
  namePrompt.addEventListener("submit", (event) => {
    event.preventDefault();
    saveName($("name-prompt-input").value);
    question.focus();
  });
  $("name-prompt-skip").addEventListener("click", () => saveName("Guest"));

  // --- markdown (a small, safe subset: everything is escaped first) ---
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  function safeUrl(url) {
    // Links open the notes' source (http/https); images come only from the bot itself.
    return /^(https?:\/\/|api\/)/.test(url) ? url : null;
  }

  function inline(text) {
    // A backslash-escaped character (user text from the server) becomes an entity, so no rule below matches it.
    return escapeHtml(text)
      .replace(/\\([\\`*_\[\]()#~|!])/g, (_, c) => `&#${c.charCodeAt(0)};`)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/!\[([^\]]*)\]\((api\/[^)\s]+)\)/g, (_, alt, src) => `<img src="${src}" alt="${alt}" loading="lazy">`)
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label, url) =>
        safeUrl(url.replace(/&amp;/g, "&")) ? `<a href="${url}" target="_blank" rel="noopener">${label}</a>` : whole);
  }

  function markdown(text) {
    const out = [];
    let list = null;
    let code = null;
    const close = () => { if (list) { out.push(`</${list}>`); list = null; } };
    for (const raw of String(text).split("\n")) {
      if (code !== null) {
        if (/^\s*```/.test(raw)) {
          out.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
          code = null;
        } else {
          code.push(raw);
        }
        continue;
      }
      const line = raw.trimEnd();
      if (/^\s*```/.test(line)) {
        close();
        code = [];
        continue;
      }
      const bullet = /^\s*[-*] (.*)$/.exec(line);
      const numbered = /^\s*\d+\. (.*)$/.exec(line);
      if (bullet || numbered) {
        const kind = bullet ? "ul" : "ol";
        if (list !== kind) { close(); out.push(`<${kind}>`); list = kind; }
        out.push(`<li>${inline((bullet || numbered)[1])}</li>`);
      } else if (line.trim() === "") {
        close();
      } else {
        close();
        out.push(`<p>${inline(line)}</p>`);
      }
    }
    close();
    if (code !== null) out.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
    return out.join("");
  }

  // --- rendering ---
  function el(tag, className, html) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (html !== undefined) node.innerHTML = html;
    return node;
  }

  function formatTime(iso) {
    const date = new Date(iso);
    const time = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    return date.toDateString() === new Date().toDateString()
      ? time
      : `${date.toLocaleDateString([], { month: "short", day: "numeric" })} ${time}`;
  }

  function meta(label, at) {
    const row = el("div", "meta");
    if (label) row.appendChild(el("span", "", escapeHtml(label)));
    const time = el("time", "", escapeHtml(formatTime(at)));
    time.dateTime = at;
    time.title = new Date(at).toLocaleString();
    row.appendChild(time);
    return row;
  }

  function renderUser(entry) {
    const node = el("div", "message user");
    node.appendChild(meta(null, entry.at));
    const body = el("div", "body");
    body.textContent = entry.text;
    node.appendChild(body);
    return node;
  }

  function renderBot(entry) {
    const reply = entry.reply;
    const node = el("div", "message bot" + (reply.private ? " private" : "") + (entry.channel ? " channel" : ""));
    node.dataset.kind = reply.kind || "text";
    if (entry.messageId) node.dataset.messageId = entry.messageId;
    node.appendChild(meta(entry.channel ? `#${state.channelId}` : null, entry.at));
    if (reply.title) node.appendChild(el("div", "title", escapeHtml(reply.title)));
    node.appendChild(el("div", "body", markdown(reply.markdown || "")));

    const images = reply.images || [];
    if (images.length) node.appendChild(renderImages(images));

    const citations = reply.citations || [];
    if (citations.length) {
      const box = el("div", "citations");
      for (const c of citations) {
        const details = el("details", "citation");
        const summary = el("summary", "", escapeHtml(c.label || `${c.file}, line ${c.lineStart}`));
        if (c.url && safeUrl(c.url)) {
          const link = el("a", "source-link", " open ↗");
          link.href = c.url;
          link.target = "_blank";
          link.rel = "noopener";
          summary.appendChild(link);
        }
        details.dataset.file = c.file;
        details.dataset.lineStart = c.lineStart;
        details.dataset.lineEnd = c.lineEnd;
        details.appendChild(summary);
        details.appendChild(el("blockquote", "", markdown(c.snippet || "")));
        box.appendChild(details);
      }
      node.appendChild(box);
    }

    const buttons = (reply.buttons || []).filter((b) => !b.prompt);
    for (const b of (reply.buttons || []).filter((b) => b.prompt)) node.appendChild(renderPrompt(entry, b));
    if (buttons.length) {
      const row = el("div", "buttons");
      for (const b of buttons) {
        const button = el("button", b.style === "primary" ? "" : b.style || "secondary");
        button.type = "button";
        button.textContent = b.label;
        button.dataset.action = b.actionId;
        // An answered or revealed quiz, a rated answer: its buttons stay spent after a reload, the choice marked.
        if (entry.closed || b.disabled) button.disabled = true;
        if (entry.chosen === b.actionId) button.classList.add("chosen");
        button.addEventListener("click", () => {
          entry.chosen = b.actionId;
          entry.closed = true;
          saveEntries();
          row.querySelectorAll("button").forEach((x) => (x.disabled = true));
          button.classList.add("chosen");
          send({ action: b.actionId }, `› ${b.label}`);
        });
        row.appendChild(button);
      }
      node.appendChild(row);
    }

    node.querySelectorAll("img").forEach((img) => img.addEventListener("load", () => keepAtEnd(true)));
    return node;
  }

  /** The images the notes show beside the answer: inline from the bot's own endpoint, or a placeholder line when the
   *  file is not in the notes folder (or cannot be loaded). */
  function renderImages(images) {
    const box = el("div", "note-images");
    for (const image of images) {
      const missing = () => {
        const line = el("div", "note-image missing-image", escapeHtml(image.placeholder || `🖼 ${image.path}`));
        line.setAttribute("role", "note");
        return line;
      };
      if (!image.src || !safeUrl(image.src)) {
        box.appendChild(missing());
        continue;
      }
      const figure = el("figure", "note-image");
      const img = document.createElement("img");
      img.src = image.src;
      img.alt = image.alt || image.path;
      img.loading = "lazy";
      img.addEventListener("error", () => figure.replaceWith(missing()));
      figure.appendChild(img);
      figure.appendChild(el("figcaption", "", escapeHtml(image.path)));
      box.appendChild(figure);
    }
    return box;
  }

  /** A button that asks for a short text first ("what was wrong" after a 👎): shown as a small optional field, sent
   *  with the button's action; once sent it stays filled in and spent, also after a reload. */
  function renderPrompt(entry, b) {
    const form = el("form", "prompt");
    const label = el("label", "", escapeHtml(b.prompt.label));
    const field = document.createElement("textarea");
    field.name = "comment";
    field.rows = 2;
    field.maxLength = b.prompt.maxLength;
    field.placeholder = b.prompt.placeholder || "";
    label.appendChild(field);
    form.appendChild(label);
    const row = el("div", "prompt-row");
    const counter = el("span", "counter");
    const update = () => {
      counter.textContent = `${field.value.length} / ${b.prompt.maxLength}`;
      counter.classList.toggle("full", field.value.length >= b.prompt.maxLength);
    };
    field.addEventListener("input", update);
    const submit = el("button", "", "Send");
    submit.type = "submit";
    row.appendChild(counter);
    row.appendChild(submit);
    form.appendChild(row);
    if (entry.closed && entry.promptText !== undefined) {
      field.value = entry.promptText;
      field.disabled = true;
      submit.disabled = true;
    }
    update();
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = field.value.trim();
      if (!text || field.disabled) {
        field.focus();
        return;
      }
      entry.closed = true;
      entry.promptText = text;
      saveEntries();
      field.disabled = true;
      submit.disabled = true;
      send({ action: b.actionId, text }, `› ${b.prompt.label.replace(/ \(optional\)$/, "")}: ${text}`);
    });
    return form;
  }

  function render(entry) {
    return entry.role === "user" ? renderUser(entry) : renderBot(entry);
  }

  function nearEnd() {
    return transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 80;
  }

  function keepAtEnd(force) {
    if (force || nearEnd()) transcript.scrollTop = transcript.scrollHeight;
  }

  function add(entry, follow = true) {
    const following = follow || nearEnd();
    const existing = entry.messageId
      ? state.entries.findIndex((e) => e.messageId === entry.messageId && e.channel === entry.channel)
      : -1;
    if (entry.replaces) {
      // An edit of an earlier bot message (the feed repeats its id): shown in its place.
      const index = state.entries.findIndex((e) => e.messageId === entry.replaces);
      const node = index >= 0 ? transcript.querySelector(`[data-message-id="${CSS.escape(entry.replaces)}"]`) : null;
      if (node) {
        entry.messageId = entry.replaces;
        state.entries[index] = entry;
        node.replaceWith(render(entry));
        saveEntries();
        return;
      }
    } else if (existing >= 0) {
      const node = transcript.querySelector(`[data-message-id="${CSS.escape(entry.messageId)}"]`);
      entry.chosen = state.entries[existing].chosen;
      entry.closed = state.entries[existing].closed;
      entry.promptText = state.entries[existing].promptText;
      state.entries[existing] = entry;
      if (node) node.replaceWith(render(entry));
      saveEntries();
      return;
    }
    state.entries.push(entry);
    if (entry.reply && entry.reply.kind === "quizReveal") closeRevealedQuiz(entry.reply);
    saveEntries();
    const node = render(entry);
    transcript.appendChild(node);
    keepAtEnd(following);
    // A reply taller than the transcript is read from its start, not its end.
    if (following && node.offsetHeight > transcript.clientHeight) transcript.scrollTop = node.offsetTop - 8;
  }

  /** A reveal opens with the quiz's question: that quiz's buttons are spent now. */
  function closeRevealedQuiz(reveal) {
    const question = firstLine(reveal.markdown);
    for (const entry of state.entries) {
      if (entry.reply && entry.reply.kind === "quiz" && !entry.closed && firstLine(entry.reply.markdown) === question) {
        entry.closed = true;
        const node = entry.messageId ? transcript.querySelector(`[data-message-id="${CSS.escape(entry.messageId)}"]`) : null;
        if (node) node.querySelectorAll(".buttons button").forEach((b) => (b.disabled = true));
      }
    }
  }

  function firstLine(text) {
    return String(text || "").split("\n")[0].trim();
  }

  function addReply(reply, options = {}) {
    add({
      role: "bot",
      reply,
      at: options.at || new Date().toISOString(),
      channel: !!options.channel,
      messageId: options.messageId,
      feedId: options.feedId,
      replaces: options.channel ? undefined : reply.replacesMessageId,
    }, options.follow !== false);
  }

  // --- talking to the bot ---
  function setBusy(delta) {
    state.busy += delta;
    const busy = state.busy > 0;
    sendButton.disabled = busy;
    transcript.setAttribute("aria-busy", busy ? "true" : "false");
    let pending = transcript.querySelector(".message.pending");
    if (busy && !pending) {
      pending = el("div", "message bot pending", '<div class="body">StudyBot is looking in the notes</div>');
      pending.setAttribute("role", "status");
      transcript.appendChild(pending);
      keepAtEnd(true);
    } else if (!busy && pending) {
      pending.remove();
    }
  }

  async function send(payload, echo) {
    add({ role: "user", text: echo ?? payload.text, at: new Date().toISOString() });
    const body = {
      userId: state.userId,
      displayName: nameInput.value.trim() || "Guest",
      adminToken: state.adminToken || undefined,
      ...payload,
    };
    setBusy(1);
    try {
      const response = await fetch("api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => null);
      setBusy(-1);
      if (data && Array.isArray(data.replies)) {
        data.replies.forEach((r) => addReply(r));
        if (state.adminToken && data.replies.some((r) => r.kind === "refused")) checkAdmin();
      } else {
        addReply({ markdown: `The bot answered with HTTP ${response.status}. Please try again.`, kind: "error" });
      }
    } catch (error) {
      setBusy(-1);
      addReply({ markdown: "The bot cannot be reached. Is it still running?", kind: "error" });
    }
  }

  function updateCounter() {
    const length = question.value.length;
    counter.textContent = `${length.toLocaleString("en")} / ${state.maxLength.toLocaleString("en")}`;
    counter.classList.toggle("full", length >= state.maxLength);
  }

  askForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = question.value.trim();
    // One question at a time: while a reply is on its way the text stays in the box.
    if (!text || state.busy > 0) return;
    question.value = "";
    updateCounter();
    send({ text });
  });
  question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      askForm.requestSubmit();
    }
  });
  question.addEventListener("input", updateCounter);

  // --- admin mode ---
  function setAdmin(token) {
    state.adminToken = token;
    if (token) sessionStorage.setItem("studybot.adminToken", token);
    else sessionStorage.removeItem("studybot.adminToken");
    adminBar.hidden = !token;
    adminForm.hidden = true;
    $("admin-toggle").hidden = !!token;
  }

  async function tokenIsValid(token) {
    const response = await fetch("api/admin/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ adminToken: token }),
    });
    return response.ok;
  }

  /** A token kept from before a restart may no longer be the bot's: then admin mode ends, and says why. */
  async function checkAdmin() {
    const token = state.adminToken;
    if (!token) return;
    try {
      if (!(await tokenIsValid(token)) && state.adminToken === token) {
        setAdmin("");
        addReply({ markdown: "Admin mode ended: the admin token is no longer valid (the bot may have restarted with a new one). Click **Admin** to enter it again.", kind: "refused", private: true });
      }
    } catch {
      // The bot is unreachable; the next command will say so.
    }
  }

  $("admin-toggle").addEventListener("click", () => {
    adminForm.hidden = !adminForm.hidden;
    if (!adminForm.hidden) $("admin-token").focus();
  });
  adminForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    adminError.textContent = "";
    const token = $("admin-token").value.trim();
    if (await tokenIsValid(token)) {
      $("admin-token").value = "";
      setAdmin(token);
    } else {
      adminError.textContent = "That token is not the admin token.";
    }
  });
  $("admin-leave").addEventListener("click", () => setAdmin(""));
  adminBar.querySelectorAll("[data-command]").forEach((button) =>
    button.addEventListener("click", () => send({ text: button.dataset.command })));
  setAdmin(state.adminToken);

  // --- the channel feed (the daily quiz and its reveal) ---
  async function poll() {
    try {
      const response = await fetch(`api/channels/${encodeURIComponent(state.channelId)}/messages?after=${state.lastPostId}`);
      if (response.ok) {
        const data = await response.json();
        for (const m of data.messages) {
          state.lastPostId = Math.max(state.lastPostId, m.id);
          addReply(m.reply, { channel: true, messageId: m.messageId, feedId: m.id, at: m.postedAt, follow: false });
        }
      }
    } catch (error) {
      // The bot may be restarting; the next poll tries again.
    }
    setTimeout(poll, 2000);
  }

  // --- start: the kept transcript, then the settings, the admin check and the feed ---
  for (const entry of state.entries) {
    transcript.appendChild(render(entry));
    if (entry.feedId) state.lastPostId = Math.max(state.lastPostId, entry.feedId);
  }
  keepAtEnd(true);
  updateCounter();
  checkAdmin();

  fetch("api/webchat")
    .then((r) => (r.ok ? r.json() : null))
    .then((config) => {
      if (config && config.channelId) state.channelId = config.channelId;
      if (config && config.maxMessageLength) {
        state.maxLength = config.maxMessageLength;
        question.maxLength = config.maxMessageLength;
        updateCounter();
      }
    })
    .catch(() => {})
    .finally(poll);
})();
