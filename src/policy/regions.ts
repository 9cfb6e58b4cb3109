/**
 * State and local rules on top of the tenant's profile, chosen by where the borrower lives
 * (`borrower.address.region`, ISO 3166-2 such as `US-MA`, or a locality with rules of its own
 * such as `US-NY-NYC`, which also takes its state's layer). A layer adds caps and may narrow a
 * channel's contact window; layers compose with the profile as the strictest of them: the
 * narrowest window per channel, and every cap of every layer. Each rule cites its regulation,
 * which the policy's reasons carry (docs/compliance.md#state-and-local-layers lists them).
 * Pure: no I/O.
 */
import type { Channel } from '../domain/channels.js';
import type { SenderKind } from '../domain/sender.js';
import type { CapRule, ContactWindow, Outcome, Profile } from './profile.js';

/** One rule of a layer, with the citation that depends on who sends (a creditor, or a collection agency). */
export interface LayerCap {
  name: string;
  channels: Channel[];
  max: number;
  per: CapRule['per'];
  counts: Outcome[];
  /** Who is bound, and the text that binds each: a kind absent here is not bound by the rule. */
  source: Partial<Record<SenderKind, string>>;
  /** In words, after the citation: "at most two calls or texts in seven days". */
  summary: string;
}

export interface LayerWindow {
  window: ContactWindow;
  source: Partial<Record<SenderKind, string>>;
}

export interface RegionLayer {
  /** The state's ISO 3166-2 code, or the locality's (`US-NY-NYC`, LOCALITIES); also the layer's name in reasons. */
  region: string;
  description: string;
  caps: LayerCap[];
  windows: Partial<Record<Channel, LayerWindow>>;
}

/** A placed call: answered, unanswered, voicemail, or not known yet (busy and not-in-service reach no one). */
const CALL_PLACED: Outcome[] = ['pending', 'answered', 'no-answer', 'voicemail'];
/** A text waiting for its outcome, sent or delivered. */
const TEXT_SENT: Outcome[] = ['sent', 'delivered'];

/**
 * Massachusetts: a creditor (940 CMR 7.04(1)(f), the Attorney General's debt collection
 * regulations) and a debt collector (209 CMR 18.16(1)(d), the Division of Banks') may not
 * initiate more than two communications by telephone or text in each seven-day period. The
 * Supreme Judicial Court counts calls that reach no one when a message could have been left
 * (Armata v. Target Corp., 480 Mass. 14 (2018)): every placed call counts. The regulations say
 * "for each debt"; counted per borrower here, which is stricter. "Each seven-day period" is read
 * as any 168 hours (a rolling period), which also keeps every calendar week within the limit.
 */
const US_MA: RegionLayer = {
  region: 'US-MA',
  description: 'Massachusetts: 940 CMR 7.00 (creditors) and 209 CMR 18.00 (debt collectors)',
  caps: [
    {
      name: 'US-MA-calls-texts-2-per-7-days',
      channels: ['voice', 'sms'],
      max: 2,
      per: { hours: 168 },
      counts: [...CALL_PLACED, ...TEXT_SENT],
      source: { creditor: '940 CMR 7.04(1)(f)', agency: '209 CMR 18.16(1)(d)' },
      summary: 'at most two calls or texts in seven days',
    },
  ],
  windows: {},
};

/** Calls, texts and emails: a rule on communication "in any form" or "through any medium". */
const EVERY_CHANNEL: Channel[] = ['voice', 'sms', 'email'];
/** The same window on every channel, with the text that sets it. */
const everyChannel = (window: ContactWindow, source: LayerWindow['source']): RegionLayer['windows'] =>
  Object.fromEntries(EVERY_CHANNEL.map((c) => [c, { window, source }]));

/**
 * Washington: a licensed collection agency (RCW 19.16.250(13)) is presumed to harass when it
 * communicates with the debtor "in any form, manner, or place, more than three times in a single
 * week" ((13)(a)), or at the debtor's residence between 21:00 and 7:30 ((13)(c)). A creditor
 * collecting its own claims in its own name is not a collection agency (RCW 19.16.100(5)(c)): the
 * layer binds agencies only. Every placed call, text and email counts, an unanswered call too
 * (stricter than "communication"); "a single week" is read as any 168 hours, which keeps every
 * calendar week within the limit. An answer to the borrower's own message counts against no cap
 * (the statute's "unless the licensee is responding"): the profile's `agentReplies`.
 */
const US_WA: RegionLayer = {
  region: 'US-WA',
  description: 'Washington: RCW 19.16.250 (collection agencies)',
  caps: [
    {
      name: 'US-WA-contacts-3-per-7-days',
      channels: EVERY_CHANNEL,
      max: 3,
      per: { hours: 168 },
      counts: [...CALL_PLACED, ...TEXT_SENT],
      source: { agency: 'RCW 19.16.250(13)(a)' },
      summary: 'at most three communications in a week',
    },
  ],
  windows: everyChannel({ from: '07:30', to: '21:00' }, { agency: 'RCW 19.16.250(13)(c)' }),
};

/**
 * New York City: 6 RCNY 5-77(b)(1) (the Department of Consumer and Worker Protection's rules)
 * binds every "debt collector", an individual who regularly collects debts, a creditor's own staff
 * included, their employer being liable (5-77(g)): no communication "with excessive frequency",
 * which is "more than twice during a seven-calendar-day period" ((b)(1)(iv)), and none outside
 * 8:00 to 21:00 at the consumer's location ((b)(1)(i)). A communication is "the conveying of
 * information regarding a debt … through any medium" (5-76): calls, texts and emails count together,
 * every placed call counts (stricter than "conveying"). The rule applies after "debt collection
 * procedures" begin; applied from the first reminder here, which is stricter. Any 168 hours covers
 * every seven calendar days. The text read is the one before the 2026 SHIELD amendment (see
 * docs/compliance.md).
 */
const US_NY_NYC: RegionLayer = {
  region: 'US-NY-NYC',
  description: 'New York City: 6 RCNY 5-77 (debt collectors, creditors’ own staff included)',
  caps: [
    {
      name: 'US-NY-NYC-contacts-2-per-7-days',
      channels: EVERY_CHANNEL,
      max: 2,
      per: { hours: 168 },
      counts: [...CALL_PLACED, ...TEXT_SENT],
      source: { creditor: '6 RCNY 5-77(b)(1)(iv)', agency: '6 RCNY 5-77(b)(1)(iv)' },
      summary: 'at most two communications in seven days',
    },
  ],
  windows: everyChannel(
    { from: '08:00', to: '21:00' },
    { creditor: '6 RCNY 5-77(b)(1)(i)', agency: '6 RCNY 5-77(b)(1)(i)' },
  ),
};

export const REGION_LAYERS: Readonly<Record<string, RegionLayer>> = Object.freeze({
  'US-MA': US_MA,
  'US-WA': US_WA,
  'US-NY-NYC': US_NY_NYC,
});

/**
 * Localities with rules of their own, which ISO 3166-2 cannot name: the state's code, a hyphen and
 * the locality's UN/LOCODE location code (New York City is UN/LOCODE `US NYC`).
 */
export const LOCALITIES: Readonly<Record<string, string>> = Object.freeze({
  'US-NY-NYC': 'New York City (the five boroughs)',
});

/** The state of a region: a locality's (`US-NY-NYC` → `US-NY`), or the region itself. */
export const stateOf = (region: string): string => region.split('-').slice(0, 2).join('-');

const binds = (layer: RegionLayer, kind: SenderKind): boolean =>
  layer.caps.some((c) => c.source[kind]) || Object.values(layer.windows).some((w) => w?.source[kind]);

/**
 * The layers that apply to a borrower of `region` contacted by a sender of `kind`: the state's,
 * then the locality's (none for a region without rules).
 */
export function layersFor(region: string | null | undefined, kind: SenderKind): RegionLayer[] {
  if (!region) return [];
  const codes = stateOf(region) === region ? [region] : [stateOf(region), region];
  return codes
    .filter((code) => Object.hasOwn(REGION_LAYERS, code))
    .map((code) => REGION_LAYERS[code]!)
    .filter((layer) => binds(layer, kind));
}

const citation = (layer: string, source: string, summary?: string) =>
  `${layer}: ${source}${summary ? ` — ${summary}` : ''}`;

/**
 * The profile with the layers on top: each channel's narrowest window (ties keep the profile's),
 * and the layers' caps after the profile's, each cap naming its layer and citation. The result
 * names the layers it applied (`layers`), so composing it again changes nothing.
 */
export function composeLayers(profile: Profile, layers: readonly RegionLayer[], kind: SenderKind): Profile {
  if (layers.length === 0 || (profile.layers?.length ?? 0) > 0) return profile;
  const windows = { ...profile.windows };
  const windowSources: NonNullable<Profile['windowSources']> = { ...profile.windowSources };
  const caps: CapRule[] = [...profile.caps];
  for (const layer of layers) {
    for (const [channel, lw] of Object.entries(layer.windows) as Array<[Channel, LayerWindow]>) {
      const source = lw.source[kind];
      if (!source) continue;
      const current = windows[channel];
      const cited = { layer: layer.region, source: citation(layer.region, source) };
      const sources = { ...windowSources[channel] };
      let { from, to } = current;
      if (lw.window.from > from) [from, sources.from] = [lw.window.from, cited];
      if (lw.window.to < to) [to, sources.to] = [lw.window.to, cited];
      if (from === current.from && to === current.to) continue;
      // Windows that do not overlap leave no time at all: keep a zero-length window at the later opening (the
      // policy then finds no allowed time and says so).
      windows[channel] = { from, to: to > from ? to : from };
      windowSources[channel] = sources;
    }
    for (const c of layer.caps) {
      const source = c.source[kind];
      if (!source) continue;
      caps.push({
        name: c.name,
        channels: c.channels,
        max: c.max,
        per: c.per,
        counts: c.counts,
        scope: 'borrower',
        source: citation(layer.region, source, c.summary),
        layer: layer.region,
      });
    }
  }
  return { ...profile, windows, windowSources, caps, layers: layers.map((l) => l.region) };
}

/** Composed profiles, remembered per base profile, region and sender kind (the gate asks for every message). */
const composed = new WeakMap<Profile, Map<string, Profile>>();

/** The profile that applies to a borrower living in `region`, contacted by a sender of `kind`. */
export function profileForRegion(profile: Profile, region: string | null | undefined, kind: SenderKind): Profile {
  const layers = layersFor(region, kind);
  if (layers.length === 0) return profile;
  let byKey = composed.get(profile);
  if (!byKey) composed.set(profile, (byKey = new Map()));
  const key = `${region}|${kind}`;
  let p = byKey.get(key);
  if (!p) byKey.set(key, (p = composeLayers(profile, layers, kind)));
  return p;
}

/** The names of the layers a profile is made of, the tenant's profile first. */
export const layerNames = (profile: Profile): string[] => [profile.name, ...(profile.layers ?? [])];
