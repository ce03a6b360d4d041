import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY, normalizeExchange, readRegistry, resolveCompany, splitListing } from '../src/index.ts';

const registry = readRegistry();
const resolve = (company: string | null, ticker: string | null = null, exchange: string | null = null, using = registry) => {
  const { issues, ...rest } = resolveCompany({ company, ticker, exchange }, using);
  return { ...rest, issues: issues.map((issue) => issue.code) };
};

describe('splitListing', () => {
  it('reads the listing each seed writes after the company name', () => {
    expect(splitListing('Tesla, Inc. NasdaqGS:TSLA')).toEqual({ company: 'Tesla, Inc.', exchange: 'NasdaqGS', ticker: 'TSLA' });
    expect(splitListing('Tesla Motors (NASDAQ:TSLA)')).toEqual({ company: 'Tesla Motors', exchange: 'NASDAQ', ticker: 'TSLA' });
    expect(splitListing('Tesla (TSLA -1.74%)')).toEqual({ company: 'Tesla', exchange: null, ticker: 'TSLA' });
  });

  it('takes a bare "(ABC)" for a ticker only when the source gives that ticker', () => {
    expect(splitListing('Tesla (TSLA)', 'TSLA')).toEqual({ company: 'Tesla', exchange: null, ticker: 'TSLA' });
    expect(splitListing('Redburn (USA)')).toEqual({ company: 'Redburn (USA)', exchange: null, ticker: null });
  });
});

describe('resolveCompany', () => {
  it('gives the three seed spellings of Tesla one company_id, a bare ticker and one exchange', () => {
    const tesla = { companyId: 'tesla', ticker: 'TSLA', exchange: 'NASDAQ', issues: [] };
    expect(resolve('Tesla, Inc. NasdaqGS:TSLA')).toEqual({ ...tesla, company: 'Tesla, Inc.' });
    expect(resolve('Tesla Motors (NASDAQ:TSLA)')).toEqual({ ...tesla, company: 'Tesla Motors' });
    expect(resolve('Tesla (TSLA -1.74%)')).toEqual({ ...tesla, company: 'Tesla' });
    expect(resolve('Tesla Motors', 'NASDAQ:TSLA')).toEqual({ ...tesla, company: 'Tesla Motors' });
    expect(resolve('Tesla, Inc.', '$tsla', 'NasdaqGS')).toEqual({ ...tesla, company: 'Tesla, Inc.' });
  });

  it('needs the registry only for the rename: rules alone join "Tesla, Inc." and "Tesla"', () => {
    expect(resolve('Tesla, Inc. NasdaqGS:TSLA', null, null, EMPTY_REGISTRY).companyId).toBe('tesla');
    expect(resolve('Tesla (TSLA -1.74%)', null, null, EMPTY_REGISTRY)).toEqual({ companyId: 'tesla', company: 'Tesla', ticker: 'TSLA', exchange: null, issues: [] });
    expect(resolve('Tesla Motors (NASDAQ:TSLA)', null, null, EMPTY_REGISTRY).companyId).toBe('tesla-motors');
  });

  it('lets the listing decide when the name is not a registered one, and says so', () => {
    expect(resolve('Tesla Energy Holdings', 'TSLA', 'NASDAQ')).toEqual({ companyId: 'tesla', company: 'Tesla Energy Holdings', ticker: 'TSLA', exchange: 'NASDAQ', issues: ['company/name-mismatch'] });
  });

  it('slugs a company the registry does not hold, and gives none without a name or listing', () => {
    expect(resolve('Apple Inc.', 'AAPL', 'NasdaqGS')).toEqual({ companyId: 'apple', company: 'Apple Inc.', ticker: 'AAPL', exchange: 'NASDAQ', issues: [] });
    expect(resolve(null, null, null)).toEqual({ companyId: null, company: null, ticker: null, exchange: null, issues: [] });
  });
});

describe('normalizeExchange', () => {
  it('writes each exchange one way', () => {
    expect(['NasdaqGS', 'NasdaqGM', 'NASDAQ', 'nasdaq', 'NYSE', 'NYSEAM', 'AMEX', 'NYSE Arca', 'TSX'].map(normalizeExchange)).toEqual([
      'NASDAQ', 'NASDAQ', 'NASDAQ', 'NASDAQ', 'NYSE', 'NYSE American', 'NYSE American', 'NYSE Arca', 'TSX',
    ]);
  });
});
