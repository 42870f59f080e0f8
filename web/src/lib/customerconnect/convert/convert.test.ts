import { describe, expect, it } from 'vitest';
import { type ConvertChoices, convertBody, hostOf, leadDomain } from './convert';

const choices: ConvertChoices = {
  company: 'new',
  companyId: '',
  deal: false,
  dealName: '',
  pipelineId: 'p',
  stageId: '',
  amount: '',
  currency: 'EUR',
  expectedCloseDate: '',
};

describe('lead conversion', () => {
  it('finds the company domain from the website, else a business email', () => {
    expect(hostOf('https://www.Acme.example/about')).toBe('acme.example');
    expect(hostOf('not a host')).toBeUndefined();
    expect(leadDomain({ website: 'globex.example', email: 'a@other.example' })).toBe('globex.example');
    expect(leadDomain({ website: null, email: 'ana@initech.example' })).toBe('initech.example');
    expect(leadDomain({ website: null, email: 'ana@gmail.com' })).toBeUndefined();
  });

  it('sends the company choice', () => {
    expect(convertBody(choices)).toEqual({ company: { create: true } });
    expect(convertBody({ ...choices, company: 'matched', companyId: 'c1' })).toEqual({
      company: { id: 'c1' },
    });
    expect(convertBody({ ...choices, company: 'existing', companyId: '' })).toEqual({ company: null });
    expect(convertBody({ ...choices, company: 'none', companyId: 'c1' })).toEqual({ company: null });
  });

  it('adds the deal with money only when an amount is given', () => {
    expect(
      convertBody({
        ...choices,
        deal: true,
        dealName: ' Big deal ',
        stageId: 's',
        amount: '1200.50',
        currency: 'usd',
      }),
    ).toEqual({
      company: { create: true },
      opportunity: { name: 'Big deal', pipelineId: 'p', stageId: 's', amount: '1200.50', currency: 'USD' },
    });
    expect(
      convertBody({ ...choices, deal: true, dealName: 'D', expectedCloseDate: '2026-12-31' }).opportunity,
    ).toEqual({
      name: 'D',
      pipelineId: 'p',
      expectedCloseDate: '2026-12-31',
    });
  });
});
