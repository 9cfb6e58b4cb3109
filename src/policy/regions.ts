/**
 * State and local rules on top of the tenant's profile, chosen by where the borrower lives
 * (`borrower.address.region`, ISO 3166-2 such as `US-MA`). A layer adds caps and may narrow a
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
  /** The ISO 3166-2 code of the state or locality; also the layer's name in reasons. */
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

export const REGION_LAYERS: Readonly<Record<string, RegionLayer>> = Object.freeze({ 'US-MA': US_MA });

/** The layers that apply to a borrower of `region` contacted by a sender of `kind` (none for a region without rules). */
export function layersFor(region: string | null | undefined, kind: SenderKind): RegionLayer[] {
  if (!region || !Object.hasOwn(REGION_LAYERS, region)) return [];
  const layer = REGION_LAYERS[region]!;
  const binds = layer.caps.some((c) => c.source[kind]) || Object.values(layer.windows).some((w) => w?.source[kind]);
  return binds ? [layer] : [];
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
