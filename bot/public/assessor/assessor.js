/* global document, window */
/**
 * The assessor pages' only script. Choosing a criterion highlights the transcript messages
 * its evidence points at, scrolls the first into view and focuses it; choosing it again
 * clears the highlight. The print button prints the report. Without this script the pages
 * still work: evidence links jump to the message (highlighted by :target).
 */
'use strict';

(function () {
  const live = document.getElementById('live');

  function announce(text) {
    if (!live) return;
    live.textContent = '';
    window.setTimeout(() => {
      live.textContent = text;
    }, 50);
  }

  function clearHighlight() {
    document.querySelectorAll('.msg.is-evidence').forEach((el) => el.classList.remove('is-evidence'));
    document.querySelectorAll('.show-evidence[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
    document.querySelectorAll('.criterion.is-selected').forEach((c) => c.classList.remove('is-selected'));
  }

  function showEvidence(button) {
    const wasPressed = button.getAttribute('aria-pressed') === 'true';
    clearHighlight();
    if (wasPressed) {
      announce('Evidence highlight cleared.');
      return;
    }
    button.setAttribute('aria-pressed', 'true');
    const criterion = button.closest('.criterion');
    if (criterion) criterion.classList.add('is-selected');
    const indexes = (button.getAttribute('data-evidence') || '').split(/\s+/).filter(Boolean);
    const messages = indexes.map((i) => document.getElementById('activity-' + i)).filter(Boolean);
    const title = button.getAttribute('data-title') || button.textContent.trim();
    if (messages.length === 0) {
      announce('No evidence is quoted for ' + title + '.');
      return;
    }
    messages.forEach((m) => m.classList.add('is-evidence'));
    const reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    messages[0].scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    messages[0].focus({ preventScroll: true });
    announce(title + ': ' + messages.length + (messages.length === 1 ? ' message' : ' messages') + ' highlighted in the transcript.');
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof window.Element ? event.target : null;
    if (!target) return;
    const button = target.closest('.show-evidence');
    if (button) {
      event.preventDefault();
      showEvidence(button);
      return;
    }
    if (target.closest('[data-action="print"]')) {
      event.preventDefault();
      window.print();
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.querySelector('.msg.is-evidence')) {
      clearHighlight();
      announce('Evidence highlight cleared.');
    }
  });
})();
