// StudyBot web chat: plain JavaScript, no build step. Talks to POST /api/chat and polls the channel feed.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const transcript = $("transcript");
  const askForm = $("ask-form");
  const question = $("question");
  const nameInput = $("display-name");
  const adminForm = $("admin-form");
  const adminBar = $("admin-bar");
  const adminError = $("admin-error");

  const state = {
    userId: localStorage.getItem("studybot.userId") || newId(),
    adminToken: sessionStorage.getItem("studybot.adminToken") || "",
    channelId: "web",
    lastPostId: 0,
  };
  localStorage.setItem("studybot.userId", state.userId);
  nameInput.value = localStorage.getItem("studybot.displayName") || "Guest";
  nameInput.addEventListener("change", () => localStorage.setItem("studybot.displayName", nameInput.value.trim() || "Guest"));

  function newId() {
    if (window.crypto && crypto.randomUUID) return "web-" + crypto.randomUUID();
    return "web-" + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  // --- markdown (a small, safe subset: everything is escaped first) ---
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  function inline(text) {
    // A backslash-escaped character (user text from the server) becomes an entity, so no rule below matches it.
    return escapeHtml(text)
      .replace(/\\([\\`*_\[\]()#~|!])/g, (_, c) => `&#${c.charCodeAt(0)};`)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
  }

  function markdown(text) {
    const out = [];
    let list = null;
    const close = () => { if (list) { out.push(`</${list}>`); list = null; } };
    for (const raw of text.split("\n")) {
      const line = raw.trimEnd();
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
    return out.join("");
  }

  // --- rendering ---
  function el(tag, className, html) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (html !== undefined) node.innerHTML = html;
    return node;
  }

  function addUser(text) {
    const node = el("div", "message user");
    node.textContent = text;
    append(node);
  }

  function renderReply(reply, options = {}) {
    const node = el("div", "message bot" + (reply.private ? " private" : "") + (options.channel ? " channel" : ""));
    node.dataset.kind = reply.kind || "text";
    if (options.messageId) node.dataset.messageId = options.messageId;
    if (options.meta) node.appendChild(el("div", "meta", escapeHtml(options.meta)));
    if (reply.title) node.appendChild(el("div", "title", escapeHtml(reply.title)));
    node.appendChild(el("div", "body", markdown(reply.markdown || "")));

    const citations = reply.citations || [];
    if (citations.length) {
      const box = el("div", "citations");
      for (const c of citations) {
        const details = el("details", "citation");
        const lines = c.lineStart === c.lineEnd ? `line ${c.lineStart}` : `lines ${c.lineStart}–${c.lineEnd}`;
        const summary = el("summary", "", `${escapeHtml(c.file)} › ${escapeHtml(c.section)}, ${lines}`);
        details.dataset.file = c.file;
        details.dataset.lineStart = c.lineStart;
        details.dataset.lineEnd = c.lineEnd;
        details.appendChild(summary);
        details.appendChild(el("blockquote", "", inline(c.snippet || "")));
        box.appendChild(details);
      }
      node.appendChild(box);
    }

    const buttons = reply.buttons || [];
    if (buttons.length) {
      const row = el("div", "buttons");
      for (const b of buttons) {
        const button = el("button", b.style === "primary" ? "" : b.style || "secondary");
        button.type = "button";
        button.textContent = b.label;
        button.dataset.action = b.actionId;
        button.addEventListener("click", () => {
          row.querySelectorAll("button").forEach((x) => (x.disabled = true));
          send({ action: b.actionId }, `› ${b.label}`);
        });
        row.appendChild(button);
      }
      node.appendChild(row);
    }
    return node;
  }

  function showReply(reply, options = {}) {
    const node = renderReply(reply, options);
    const target = reply.replacesMessageId
      ? transcript.querySelector(`[data-message-id="${CSS.escape(reply.replacesMessageId)}"]`)
      : null;
    if (target) {
      node.dataset.messageId = reply.replacesMessageId;
      target.replaceWith(node);
    } else {
      append(node);
    }
  }

  function append(node) {
    transcript.appendChild(node);
    node.scrollIntoView({ block: "end", behavior: "smooth" });
  }

  // --- talking to the bot ---
  async function send(payload, echo) {
    addUser(echo ?? payload.text);
    const body = {
      userId: state.userId,
      displayName: nameInput.value.trim() || "Guest",
      adminToken: state.adminToken || undefined,
      ...payload,
    };
    try {
      const response = await fetch("api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => null);
      if (data && Array.isArray(data.replies)) {
        data.replies.forEach((r) => showReply(r));
      } else {
        showReply({ markdown: `The bot answered with HTTP ${response.status}. Please try again.`, kind: "error" });
      }
    } catch (error) {
      showReply({ markdown: "The bot cannot be reached. Is it still running?", kind: "error" });
    }
  }

  askForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    question.value = "";
    send({ text });
  });
  question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      askForm.requestSubmit();
    }
  });

  // --- admin mode ---
  function setAdmin(token) {
    state.adminToken = token;
    if (token) sessionStorage.setItem("studybot.adminToken", token);
    else sessionStorage.removeItem("studybot.adminToken");
    adminBar.hidden = !token;
    adminForm.hidden = true;
    $("admin-toggle").hidden = !!token;
  }

  $("admin-toggle").addEventListener("click", () => {
    adminForm.hidden = !adminForm.hidden;
    if (!adminForm.hidden) $("admin-token").focus();
  });
  adminForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    adminError.textContent = "";
    const token = $("admin-token").value.trim();
    const response = await fetch("api/admin/check", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ adminToken: token }),
    });
    if (response.ok) {
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
          showReply(m.reply, { channel: true, messageId: m.messageId, meta: `#${state.channelId}` });
        }
      }
    } catch (error) {
      // The bot may be restarting; the next poll tries again.
    }
    setTimeout(poll, 2000);
  }

  fetch("api/webchat")
    .then((r) => (r.ok ? r.json() : null))
    .then((config) => { if (config && config.channelId) state.channelId = config.channelId; })
    .catch(() => {})
    .finally(poll);
})();
