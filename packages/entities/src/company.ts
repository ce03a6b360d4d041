import type { StageIssue } from '@callset/schema';
import { firmSlug, parseFirmName } from './firm-name.ts';
import type { EntityRegistry } from './registry.ts';

/** The company a document is about, as the document (or the catalog) gives it. */
export interface CompanyFacts {
  company: string | null;
  ticker: string | null;
  exchange: string | null;
}

export interface ResolvedCompany extends CompanyFacts {
  companyId: string | null;
  issues: StageIssue[];
}

/**
 * Exchange names as sources write them, to one name per exchange: Capital IQ writes the Nasdaq
 * tier (NasdaqGS, NasdaqGM, NasdaqCM), other sources write NASDAQ; the tier is not the listing.
 */
const EXCHANGES: Record<string, string> = {
  nasdaq: 'NASDAQ',
  nasdaqgs: 'NASDAQ',
  nasdaqgm: 'NASDAQ',
  nasdaqcm: 'NASDAQ',
  xnas: 'NASDAQ',
  nyse: 'NYSE',
  xnys: 'NYSE',
  newyorkstockexchange: 'NYSE',
  nyseamerican: 'NYSE American',
  nyseam: 'NYSE American',
  nysemkt: 'NYSE American',
  amex: 'NYSE American',
  xase: 'NYSE American',
  nysearca: 'NYSE Arca',
  arca: 'NYSE Arca',
};

export function normalizeExchange(exchange: string): string {
  const trimmed = exchange.trim();
  return EXCHANGES[trimmed.toLowerCase().replace(/[^a-z]/g, '')] ?? trimmed.toUpperCase();
}

const EXCHANGE_AND_TICKER = /^([A-Za-z][A-Za-z ]*?):\s*([A-Za-z0-9.]+)$/;
const TICKER = /^\$?[A-Z][A-Z0-9.]{0,9}$/;
/** Motley Fool: "Tesla (TSLA -1.74%)", the day's move after the ticker. */
const MOVE = /^[-+−]?\d[\d.]*%$/;

/**
 * A listing written into the company name: "Tesla, Inc. NasdaqGS:TSLA", "Tesla Motors (NASDAQ:TSLA)",
 * "Tesla (TSLA -1.74%)". Returns the name without it and what it says. A bare "(ABC)" is a ticker
 * only when it is the ticker the source gives elsewhere: "Redburn (USA)" is a name.
 */
export function splitListing(written: string, knownTicker: string | null = null): CompanyFacts {
  const text = written.trim();
  if (text.endsWith(')')) {
    const open = text.lastIndexOf('(');
    const inside = text.slice(open + 1, -1).trim();
    const name = text.slice(0, open).trim();
    const listed = EXCHANGE_AND_TICKER.exec(inside);
    if (open > 0 && listed) return { company: name, exchange: listed[1] ?? null, ticker: listed[2] ?? null };
    const [symbol = '', move, ...more] = inside.split(/\s+/);
    const ticker = symbol.replace(/^\$/, '');
    const isTicker = TICKER.test(symbol) && more.length === 0 && (move === undefined ? ticker === knownTicker?.trim().toUpperCase() : MOVE.test(move));
    if (open > 0 && isTicker) return { company: name, exchange: null, ticker };
    return { company: text, exchange: null, ticker: null };
  }
  const lastSpace = text.lastIndexOf(' ');
  const listed = lastSpace > 0 ? EXCHANGE_AND_TICKER.exec(text.slice(lastSpace + 1)) : null;
  if (listed) return { company: text.slice(0, lastSpace).trim(), exchange: listed[1] ?? null, ticker: listed[2] ?? null };
  return { company: text || null, exchange: null, ticker: null };
}

/** A bare ticker: "NASDAQ:TSLA" gives its exchange too, "$tsla" is TSLA. */
function splitTicker(ticker: string): { ticker: string | null; exchange: string | null } {
  const listed = EXCHANGE_AND_TICKER.exec(ticker.trim());
  const bare = (listed ? (listed[2] ?? '') : ticker).trim().replace(/^\$/, '').toUpperCase();
  return { ticker: bare || null, exchange: listed ? (listed[1] ?? null) : null };
}

/**
 * company_id, bare ticker and exchange. The registry decides by listing (exchange and ticker)
 * first, since a renamed company keeps its listing; then by name; otherwise the id is the slug
 * of the name once legal forms are dropped ("Tesla, Inc." is tesla).
 */
export function resolveCompany(facts: CompanyFacts, registry: EntityRegistry): ResolvedCompany {
  const fromName = facts.company ? splitListing(facts.company, facts.ticker) : { company: null, ticker: null, exchange: null };
  const fromTicker = facts.ticker ? splitTicker(facts.ticker) : { ticker: null, exchange: null };
  const ticker = fromTicker.ticker ?? (fromName.ticker ? splitTicker(fromName.ticker).ticker : null);
  const writtenExchange = facts.exchange?.trim() || fromTicker.exchange || fromName.exchange;
  let exchange = writtenExchange ? normalizeExchange(writtenExchange) : null;
  const name = fromName.company ? parseFirmName(fromName.company) : null;

  const byName = name ? registry.companies.find((entry) => [entry.canonical_name, ...entry.aliases].some((alias) => parseFirmName(alias)?.key === name.key)) : undefined;
  const listedAs = (entry: EntityRegistry['companies'][number]) => entry.listings.filter((listing) => listing.ticker.toUpperCase() === ticker);
  let byListing = ticker && exchange ? registry.companies.find((entry) => listedAs(entry).some((listing) => normalizeExchange(listing.exchange) === exchange)) : undefined;
  if (!byListing && ticker && !exchange && byName) {
    // No exchange written: the registry's listing of the company the name names, when it has that ticker.
    const [only, ...more] = listedAs(byName);
    if (only && more.length === 0) {
      byListing = byName;
      exchange = normalizeExchange(only.exchange);
    }
  }
  const issues: StageIssue[] = [];
  if (byListing && name && byName !== byListing) {
    issues.push({
      code: 'company/name-mismatch',
      severity: 'info',
      char_start: null,
      char_end: null,
      message: `the company is written ${JSON.stringify(fromName.company)}, which is not a registered name of ${byListing.company_id}; the listing ${exchange}:${ticker} decides`,
    });
  }
  const companyId = byListing?.company_id ?? byName?.company_id ?? (name ? firmSlug(name.display) || null : null);
  return { companyId, company: fromName.company, ticker, exchange, issues };
}
