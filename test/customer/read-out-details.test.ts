/**
 * Details read out for the caller to confirm: the caller agrees when they are theirs and
 * corrects them when they are not — it does not answer some other question.
 */
import { describe, expect, it } from '@jest/globals';
import { ScriptedCall, scenario, text } from './call-script.js';

const VERIFY = [
  'Hello, is that Priya Shah? This is Sam from Harbour & Pike Office Supplies.',
  'Could I take your account number, please?',
];

describe('a stored address read out', () => {
  it('is confirmed when it is the caller’s', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    call.script(VERIFY);
    const r = call.say("And you're still at 12 Headingley Lane, LS6 2QT?");
    expect(r.acts).toContain('confirm_yes');
    expect(text(r)).not.toMatch(/Brightside/);
  });

  it('is corrected with the caller’s own address when it is not', () => {
    const call = new ScriptedCall(scenario('call-split-delivery'));
    call.script(VERIFY);
    const r = call.say("And you're still at 14 Headingley Lane, LS6 2QT?");
    expect(r.acts).toContain('correction_detail');
    expect(r.acts).not.toContain('confirm_yes');
    expect(text(r)).toMatch(/12 Headingley Lane/);
  });
});
