/* global window, document, localStorage, sessionStorage, fetch, crypto, location */
/**
 * The learner's page: asks for a name, opens a conversation on the local Direct Line and
 * runs Microsoft's Web Chat (served from the installed package) against it. Keeps a stable
 * learner id in localStorage and the current conversation in sessionStorage (a reload
 * resumes it). Shows the scenario briefing (a coach message's `channelData.briefing`) in the
 * side panel, and labels bot messages by speaker (customer, order desk, coach).
 */
'use strict';

(function () {
  const KEYS = { name: 'oct.learnerName', user: 'oct.userId', session: 'oct.session' };
  const DIRECT_LINE = location.origin + '/v3/directline';
  const SPEAKER_LABELS = { customer: 'Customer', desk: 'Order desk', coach: 'Coach' };
  const $ = (id) => document.getElementById(id);

  function randomHex(bytes) {
    const b = new Uint8Array(bytes);
    crypto.getRandomValues(b);
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }

  /** A stable id for this browser's learner, kept across visits. */
  function learnerId() {
    let id = localStorage.getItem(KEYS.user);
    if (!id || !/^learner-[0-9a-f]{24}$/.test(id)) {
      id = 'learner-' + randomHex(12);
      localStorage.setItem(KEYS.user, id);
    }
    return id;
  }

  function cleanName(raw) {
    return String(raw || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  }

  function readSession() {
    try {
      return JSON.parse(sessionStorage.getItem(KEYS.session) || 'null');
    } catch {
      return null;
    }
  }

  /** Resumes this tab's conversation if its token still works, else starts a new one. */
  async function openConversation(user) {
    const saved = readSession();
    if (saved && saved.userId === user.id && saved.name === user.name && saved.token) {
      const r = await fetch(DIRECT_LINE + '/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + saved.token } });
      if (r.ok) {
        const { token } = await r.json();
        sessionStorage.setItem(KEYS.session, JSON.stringify({ ...saved, token }));
        return token;
      }
    }
    const r = await fetch(DIRECT_LINE + '/conversations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: user.id, name: user.name }, locale: 'en-GB' }),
    });
    if (r.status === 404) throw new Error('Web Chat is not switched on for this server. Ask your tutor for the Teams app.');
    if (!r.ok) throw new Error('The trainer did not answer (' + r.status + '). Please try again in a moment.');
    const { token } = await r.json();
    sessionStorage.setItem(KEYS.session, JSON.stringify({ userId: user.id, name: user.name, token }));
    return token;
  }

  // ---- Briefing panel -------------------------------------------------------------

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  /**
   * `channelData.briefing`: a string, or { title?, text?, facts?: [{ label, value }], lines?: [string] };
   * null puts the panel back to its first state.
   */
  function renderBriefing(briefing) {
    const box = $('briefing');
    box.replaceChildren();
    if (briefing === null) {
      box.append(el('p', 'Start a scenario and its briefing appears here, so you can keep it in view during the call.', 'muted'));
      return;
    }
    if (typeof briefing === 'string') {
      box.append(el('p', briefing));
      return;
    }
    if (briefing.title) box.append(el('h3', briefing.title));
    if (briefing.text) box.append(el('p', briefing.text));
    if (Array.isArray(briefing.facts) && briefing.facts.length) {
      const dl = el('dl');
      for (const f of briefing.facts) {
        dl.append(el('dt', f.label ?? f.title ?? ''), el('dd', f.value ?? ''));
      }
      box.append(dl);
    }
    if (Array.isArray(briefing.lines) && briefing.lines.length) {
      const ul = el('ul');
      for (const line of briefing.lines) ul.append(el('li', line));
      box.append(ul);
    }
  }

  // ---- Speaker labels -------------------------------------------------------------

  /** activity id → whether its speaker label is shown (only when the speaker changes). */
  const showLabel = new Map();
  let lastSpeaker = null;

  function noteIncoming(activity) {
    if (!activity || activity.type !== 'message') return;
    const fromUser = activity.from && activity.from.role === 'user';
    const speaker = fromUser ? 'user' : activity.channelData && activity.channelData.speaker;
    if (!fromUser && SPEAKER_LABELS[speaker] && activity.id) showLabel.set(activity.id, speaker !== lastSpeaker);
    lastSpeaker = speaker || null;
    if (!fromUser && activity.channelData && 'briefing' in activity.channelData) renderBriefing(activity.channelData.briefing);
  }

  /**
   * Wraps a rendered activity with its speaker's label. Web Chat's bundle keeps its React
   * private, so the wrapper is built in the shape of the element Web Chat returned.
   */
  function withLabel(element, speaker) {
    if (!element || typeof element !== 'object' || !element.$$typeof) return element;
    const make = (type, key, props) => Object.assign({}, element, { type, key, ref: null, props });
    return make('div', null, {
      className: 'speaker speaker--' + speaker,
      children: [
        make('span', 'label', { className: 'speaker-label', children: SPEAKER_LABELS[speaker] }),
        Object.assign({}, element, { key: 'content' }),
      ],
    });
  }

  const activityMiddleware = () => (next) => (...setup) => {
    const render = next(...setup);
    const activity = setup[0] && setup[0].activity;
    const speaker = activity && activity.from && activity.from.role !== 'user' && activity.channelData && activity.channelData.speaker;
    if (!render || !SPEAKER_LABELS[speaker] || !showLabel.get(activity.id)) return render;
    return (...args) => withLabel(render(...args), speaker);
  };

  // ---- Page flow ------------------------------------------------------------------

  function showNotice(message) {
    const box = $('start-error');
    box.textContent = message;
    box.hidden = false;
  }

  function initials(name) {
    return name
      .split(' ')
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0].toUpperCase())
      .join('');
  }

  async function start(name) {
    const user = { id: learnerId(), name };
    const token = await openConversation(user);
    localStorage.setItem(KEYS.name, name);

    const store = window.WebChat.createStore({}, () => (next) => (action) => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') noteIncoming(action.payload.activity);
      if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS' && [3, 4, 5].includes(action.payload.connectionStatus)) {
        // Expired, failed or ended (e.g. the server restarted): the next visit starts afresh.
        sessionStorage.removeItem(KEYS.session);
      }
      return next(action);
    });

    $('start').hidden = true;
    $('session').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = name;

    window.WebChat.renderWebChat(
      {
        directLine: window.WebChat.createDirectLine({ domain: DIRECT_LINE, token, webSocket: false, pollingInterval: 500 }),
        store,
        userID: user.id,
        username: name,
        locale: 'en-GB',
        activityMiddleware,
        styleOptions: {
          accent: '#2a7ab8',
          backgroundColor: '#ffffff',
          botAvatarInitials: 'HP',
          botAvatarBackgroundColor: '#1b4d72',
          userAvatarInitials: initials(name) || 'Me',
          userAvatarBackgroundColor: '#5b6878',
          bubbleBackground: '#f1f4f8',
          bubbleBorderColor: '#d9e0e8',
          bubbleBorderRadius: 10,
          bubbleFromUserBackground: '#1b4d72',
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderRadius: 10,
          bubbleMaxWidth: 640,
          hideUploadButton: true,
          sendBoxHeight: 52,
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
          rootHeight: '100%',
        },
      },
      $('webchat'),
    );
    window.setTimeout(() => {
      const input = document.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) input.focus();
    }, 300);
  }

  function init() {
    const form = $('name-form');
    const input = $('learner-name');
    input.value = cleanName(localStorage.getItem(KEYS.name));

    $('new-session').addEventListener('click', () => {
      sessionStorage.removeItem(KEYS.session);
      location.reload();
    });

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const name = cleanName(input.value);
      if (!name) {
        showNotice('Please enter your name.');
        input.focus();
        return;
      }
      if (!window.WebChat) {
        showNotice('The chat could not load. Please reload the page.');
        return;
      }
      $('start-error').hidden = true;
      $('start-button').disabled = true;
      try {
        await start(name);
      } catch (err) {
        showNotice(err && err.message ? err.message : 'Something went wrong. Please try again.');
        $('start-button').disabled = false;
      }
    });

    // A reload in the same tab goes straight back to the conversation.
    const saved = readSession();
    if (saved && saved.name && window.WebChat) {
      input.value = saved.name;
      start(saved.name).catch(() => {
        sessionStorage.removeItem(KEYS.session);
        $('start').hidden = false;
        $('session').hidden = true;
      });
    } else {
      input.focus();
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
