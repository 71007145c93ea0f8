"use strict";

// The guest's side of a WhatsApp chat. Sends through /_sim/guest/messages (which posts Meta's
// webhook to the gateway) and polls /_sim/conversations for the restaurant's answers.
(() => {
  const POLL_INTERVAL_MS = 700;
  const STORAGE_KEY = "dinechat.whatsapp-simulator";

  const $ = (id) => document.getElementById(id);
  const ui = {
    restaurant: $("restaurant"),
    name: $("guest-name"),
    number: $("guest-number"),
    webhookTarget: $("webhook-target"),
    avatar: $("avatar"),
    title: $("chat-title"),
    subtitle: $("chat-subtitle"),
    banner: $("banner"),
    messages: $("messages"),
    composer: $("composer"),
    input: $("message-input"),
  };

  let numbers = [];
  let lastConversation = null;
  let pollInFlight = false;
  let pollFailing = false;
  // Lists the guest has opened stay open when a poll redraws the conversation.
  const openLists = new Set();

  async function api(path, body) {
    const options = body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    };
    const response = await fetch(path, options);
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(payload.error || `HTTP ${response.status}`);
    }
    return payload;
  }

  function guest() {
    return {
      phoneNumberId: ui.restaurant.value,
      waId: ui.number.value.replace(/\D/g, ""),
      name: ui.name.value.trim() || "Guest",
    };
  }

  function remember() {
    const { phoneNumberId, waId, name } = guest();
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ phoneNumberId, waId, name }));
  }

  function restore() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "{}");
      if (numbers.some((n) => n.phoneNumberId === saved.phoneNumberId)) ui.restaurant.value = saved.phoneNumberId;
      if (saved.name) ui.name.value = saved.name;
      if (saved.waId) ui.number.value = saved.waId;
    } catch {
      localStorage.removeItem(STORAGE_KEY);
    }
  }

  function showBanner(message, kind = "error") {
    ui.banner.textContent = message;
    ui.banner.className = `banner ${kind === "info" ? "info" : ""}`;
    ui.banner.hidden = false;
  }

  function hideBanner() {
    ui.banner.hidden = true;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // dir="auto" lets Arabic or Hebrew lines run right to left inside an otherwise left-to-right page.
  function textBlock(className, text) {
    const node = element("div", className, text);
    node.dir = "auto";
    return node;
  }

  function updateHeader() {
    const number = numbers.find((n) => n.phoneNumberId === ui.restaurant.value);
    if (!number) return;
    ui.title.textContent = number.verifiedName;
    ui.subtitle.textContent = `${number.displayPhoneNumber} · business account`;
    ui.avatar.textContent = number.verifiedName.trim().charAt(0).toUpperCase();
  }

  function conversationChanged() {
    remember();
    updateHeader();
    lastConversation = null;
    openLists.clear();
    ui.messages.replaceChildren();
    poll();
  }

  async function send(request) {
    const { phoneNumberId, waId, name } = guest();
    if (!waId) {
      showBanner("Enter your WhatsApp number first (digits, country code included).");
      return;
    }
    try {
      const result = await api("/_sim/guest/messages", { phoneNumberId, waId, name, ...request });
      if (result.webhookStatus >= 200 && result.webhookStatus < 300) {
        hideBanner();
      } else {
        showBanner(`The gateway answered HTTP ${result.webhookStatus} to the webhook.`);
      }
    } catch (error) {
      showBanner(`Not delivered: ${error.message}`);
    }
    poll();
  }

  async function redeliver(messageId) {
    try {
      const result = await api("/_sim/guest/redeliver", { messageId });
      showBanner(`Webhook redelivered, as Meta does without a timely 200. The gateway answered HTTP ${result.webhookStatus}.`, "info");
    } catch (error) {
      showBanner(`Redelivery failed: ${error.message}`);
    }
    poll();
  }

  async function poll() {
    const { phoneNumberId, waId } = guest();
    if (pollInFlight || !phoneNumberId || !waId) return;
    pollInFlight = true;
    try {
      const query = new URLSearchParams({ phoneNumberId, waId });
      const entries = await api(`/_sim/conversations?${query}`);
      const serialized = JSON.stringify(entries);
      if (serialized !== lastConversation) {
        const firstRender = lastConversation === null;
        lastConversation = serialized;
        render(entries, firstRender);
      }
      if (pollFailing) hideBanner();
      pollFailing = false;
    } catch (error) {
      pollFailing = true;
      showBanner(`Lost contact with the simulator: ${error.message}`);
    } finally {
      pollInFlight = false;
    }
  }

  function render(entries, firstRender) {
    const list = ui.messages;
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
    if (entries.length === 0) {
      const restaurant = ui.title.textContent;
      list.replaceChildren(element("div", "empty",
        `Say hello to ${restaurant}. Try "Do you have a table for four tonight?"`));
      return;
    }
    list.replaceChildren(...entries.map(renderEntry));
    if (firstRender || nearBottom) list.scrollTop = list.scrollHeight;
  }

  function renderEntry(entry) {
    const mine = entry.direction === "inbound"; // inbound to the restaurant = sent by this guest
    const row = element("div", `row ${mine ? "mine" : "theirs"}`);
    const bubble = element("div", "bubble");
    row.append(bubble);

    if (mine) {
      if (entry.interactive) bubble.append(element("div", "tapped", "↩ tapped"));
      bubble.append(textBlock("text", entry.text));
    } else if (entry.interactive) {
      renderInteractive(entry, bubble, row);
    } else {
      bubble.append(textBlock("text", entry.text));
    }
    bubble.append(renderMeta(entry, mine));
    return row;
  }

  function renderMeta(entry, mine) {
    const meta = element("div", "meta");
    if (mine) {
      const redeliverButton = element("button", "redeliver", "↻");
      redeliverButton.type = "button";
      redeliverButton.title = "Redeliver this webhook, byte for byte, as Meta does when it gets no 200";
      redeliverButton.addEventListener("click", () => redeliver(entry.messageId));
      meta.append(redeliverButton);
    }
    const at = new Date(entry.at);
    meta.append(element("span", "time", at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })));
    if (mine) meta.append(renderTick(entry));
    return meta;
  }

  // ✓ recorded, ✓✓ accepted by the gateway, blue ✓✓ marked read by the restaurant, ! refused.
  function renderTick(entry) {
    const status = entry.webhookStatus;
    if (status === undefined) return element("span", "tick", "✓");
    if (status < 200 || status >= 300) {
      const failed = element("span", "tick failed", "!");
      failed.title = `The gateway answered HTTP ${status}`;
      return failed;
    }
    return element("span", `tick${entry.read ? " read" : ""}`, "✓✓");
  }

  function renderInteractive(entry, bubble, row) {
    const interactive = entry.interactive;
    const headerText = interactive.header && interactive.header.type === "text" ? interactive.header.text : null;
    if (headerText) bubble.append(textBlock("header-text", headerText));
    bubble.append(textBlock("text", (interactive.body && interactive.body.text) || entry.text));
    if (interactive.footer && interactive.footer.text) bubble.append(textBlock("footer-text", interactive.footer.text));

    const action = interactive.action || {};
    const actions = element("div", "actions");
    if (interactive.type === "button") {
      for (const button of action.buttons || []) {
        const reply = button.reply || {};
        actions.append(actionButton(reply.title, () =>
          send({ reply: { type: "button_reply", id: reply.id, title: reply.title }, contextMessageId: entry.messageId })));
      }
    } else if (interactive.type === "list") {
      const panel = renderListPanel(entry, action.sections || []);
      panel.hidden = !openLists.has(entry.messageId);
      actions.append(actionButton(`☰ ${action.button || "Choose"}`, () => {
        panel.hidden = !panel.hidden;
        if (panel.hidden) openLists.delete(entry.messageId); else openLists.add(entry.messageId);
      }), panel);
    } else if (interactive.type === "cta_url") {
      const parameters = action.parameters || {};
      const link = element("a", "action", `↗ ${parameters.display_text || parameters.url}`);
      // Only web links: a javascript: URL from a buggy assistant must not run in this page.
      if (/^https?:\/\//i.test(parameters.url || "")) {
        link.href = parameters.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      }
      actions.append(link);
    }
    if (actions.childElementCount > 0) row.append(actions);
  }

  function renderListPanel(entry, sections) {
    const panel = element("div", "list-panel");
    for (const section of sections) {
      if (section.title) panel.append(element("div", "list-section", section.title));
      for (const rowData of section.rows || []) {
        const option = element("button", "list-row");
        option.type = "button";
        option.dir = "auto";
        option.append(document.createTextNode(rowData.title));
        if (rowData.description) option.append(element("small", null, rowData.description));
        option.addEventListener("click", () => {
          openLists.delete(entry.messageId);
          send({
            reply: { type: "list_reply", id: rowData.id, title: rowData.title, description: rowData.description },
            contextMessageId: entry.messageId,
          });
        });
        panel.append(option);
      }
    }
    return panel;
  }

  function actionButton(label, onClick) {
    const button = element("button", "action", label);
    button.type = "button";
    button.dir = "auto";
    button.addEventListener("click", onClick);
    return button;
  }

  async function start() {
    try {
      const setup = await api("/_sim/setup");
      numbers = setup.numbers;
      for (const number of numbers) {
        const option = element("option", null, `${number.verifiedName} (${number.displayPhoneNumber})`);
        option.value = number.phoneNumberId;
        ui.restaurant.append(option);
      }
      ui.webhookTarget.textContent = setup.webhookUrl
        ? `Webhooks go to ${setup.webhookUrl}`
        : "No webhook URL is set yet: sending fails until the gateway is up.";
    } catch (error) {
      showBanner(`Could not load the simulator's setup: ${error.message}`);
      return;
    }
    restore();
    updateHeader();

    ui.restaurant.addEventListener("change", conversationChanged);
    ui.number.addEventListener("change", conversationChanged);
    ui.name.addEventListener("change", remember);
    ui.composer.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = ui.input.value.trim();
      if (!text) return;
      ui.input.value = "";
      send({ text });
    });

    poll();
    setInterval(poll, POLL_INTERVAL_MS);
    ui.input.focus();
  }

  start();
})();
