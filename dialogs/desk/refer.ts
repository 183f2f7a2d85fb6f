/** `/refer <team> <note>`: refers to Credit Control, Purchasing or the Logistics Team Leader. */
import { TEAM_IDS, type TeamId } from '../../domain/scenario/organisation.js';
import { nextInt } from '../random.js';
import { DESK_USAGE, tokens } from './args.js';
import { DeskUsageError } from './errors.js';
import { pounds } from './format.js';
import { sheetText, type DeskSheet, type SheetRow } from './sheet.js';
import type { DeskContext, DeskReply } from './types.js';

const REF_PREFIX: Record<TeamId, string> = { 'credit-control': 'CC', purchasing: 'PU', logistics: 'LG' };

/** "the Logistics Team Leader" but "Credit Control": a person's role takes "the". */
function teamPhrase(name: string): string {
  return /\b(leader|manager|supervisor|team|desk|department)\b/i.test(name) ? `the ${name}` : name;
}

function isTeam(s: string): s is TeamId {
  return (TEAM_IDS as readonly string[]).includes(s);
}

function teamRows(ctx: DeskContext, team: TeamId, note: string): SheetRow[] {
  const org = ctx.loaded.organisation;
  const t = org.teams[team];
  const rows: SheetRow[] = [];
  if (t.replyWithin) rows.push({ text: `${t.name} replies ${t.replyWithin}.` });
  if (team === org.lateDelivery.referTo && org.lateDelivery.goodwillNeedsApproval) {
    rows.push({ text: `Goodwill credit notes (${pounds(org.lateDelivery.goodwill)}) are issued only with the ${t.name}'s approval.` });
  }
  if (team === org.outOfStock.referTo) {
    const named = [...note.toUpperCase().matchAll(/[A-Z0-9]+(?:-[A-Z0-9]+)+/g)].map((m) => m[0]).filter((c) => org.catalogue.some((p) => p.code === c));
    const namedShort = named.filter((c) => ctx.state.shortCodes.includes(c));
    const codes = namedShort.length > 0 ? namedShort : named.length > 0 ? named : ctx.state.shortCodes;
    rows.push({ text: codes.length > 0 ? `Stock query logged; demand recorded against ${[...new Set(codes)].join(', ')}.` : 'Stock query logged.' });
  }
  return rows;
}

/** Records the referral with a reference number. */
export function referCommand(ctx: DeskContext, args: string): DeskReply {
  const t = tokens(args);
  const teamArg = (t[0] ?? '').toLowerCase();
  const teams = TEAM_IDS.map((id) => `${id} (${ctx.loaded.organisation.teams[id].name})`).join(', ');
  if (!isTeam(teamArg)) {
    throw new DeskUsageError('refer', `${t[0] ? `No team "${t[0]}". ` : ''}Teams: ${teams}.`, DESK_USAGE.refer);
  }
  const note = args.trim().slice(t[0].length).trim();
  if (!note) throw new DeskUsageError('refer', 'Add a note saying what you are referring and why.', DESK_USAGE.refer);
  const ref = `${REF_PREFIX[teamArg]}-${nextInt(ctx.state.rng, 1000, 9999)}`;
  ctx.state.referrals.push({ team: teamArg, ref, note });
  const sheet: DeskSheet = {
    title: `Referred to ${teamPhrase(ctx.loaded.organisation.teams[teamArg].name)} (ref ${ref}): ${note}`,
    rows: teamRows(ctx, teamArg, note),
  };
  return { text: sheetText(sheet), events: [{ kind: 'refer', team: teamArg }] };
}
