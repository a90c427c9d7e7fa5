import { describe, expect, it } from 'vitest';
import { calendarMonthOf, formatMonth, longMonthLabel, parseMonth, shortMonthLabel, yearOf } from '../../src/core/months.ts';
import {
  completeCalendarYears,
  completeFinancialYears,
  defaultPeriodSpec,
  financialYearLabel,
  inSentence,
  isCovered,
  periodFromKey,
  periodKey,
  periodLength,
  previousPeriod,
  resolvePeriod,
  type DataRange,
  type PeriodSpec,
} from '../../src/core/periods.ts';

const m = (text: string) => {
  const month = parseMonth(text);
  if (month === null) throw new Error(`bad month ${text}`);
  return month;
};

/** The embedded Test Valley data: April 2017 to October 2019. */
const TEST_VALLEY: DataRange = { first: m('2017-04'), last: m('2019-10') };

describe('months', () => {
  it('parses YYYY-MM to consecutive integers and formats them back', () => {
    expect(m('2018-01') - m('2017-12')).toBe(1);
    expect(m('2019-04') - m('2018-04')).toBe(12);
    expect(formatMonth(m('2019-10'))).toBe('2019-10');
    expect(formatMonth(m('2000-01'))).toBe('2000-01');
    expect(parseMonth(' 2019-03 ')).toBe(m('2019-03'));
  });

  it('refuses anything but YYYY-MM with a month 01-12', () => {
    for (const text of ['2019-13', '2019-00', '2019-1', '19-01', '2019/01', '01-2019', '2019-01-01', '', 'Sept 2019', '1899-12']) {
      expect(parseMonth(text), text).toBeNull();
    }
  });

  it('labels months', () => {
    expect(shortMonthLabel(m('2018-04'))).toBe('Apr 2018');
    expect(longMonthLabel(m('2019-12'))).toBe('December 2019');
    expect(yearOf(m('2019-12'))).toBe(2019);
    expect(calendarMonthOf(m('2019-12'))).toBe(11);
    expect(calendarMonthOf(m('2019-01'))).toBe(0);
  });
});

describe('financial years', () => {
  it('labels a financial year by its start and end years', () => {
    expect(financialYearLabel(2018)).toBe('2018/19');
    expect(financialYearLabel(2009)).toBe('2009/10');
    expect(financialYearLabel(1999)).toBe('1999/00');
  });

  it('resolves FY2018 to April 2018 - March 2019', () => {
    const p = resolvePeriod({ kind: 'financial-year', startYear: 2018 }, TEST_VALLEY);
    expect([formatMonth(p.from), formatMonth(p.to)]).toEqual(['2018-04', '2019-03']);
    expect(p.label).toBe('Financial year 2018/19');
    expect(periodLength(p)).toBe(12);
  });

  it('finds the complete financial years of 2017-04..2019-10, newest first', () => {
    expect(completeFinancialYears(TEST_VALLEY)).toEqual([2018, 2017]);
  });

  it('needs every month of a financial year to count it complete', () => {
    expect(completeFinancialYears({ first: m('2017-05'), last: m('2019-10') })).toEqual([2018]);
    expect(completeFinancialYears({ first: m('2017-04'), last: m('2019-02') })).toEqual([2017]);
    expect(completeFinancialYears({ first: m('2017-04'), last: m('2019-03') })).toEqual([2018, 2017]);
    expect(completeFinancialYears({ first: m('2019-01'), last: m('2019-10') })).toEqual([]);
    // January to March belong to the financial year that started the year before.
    expect(completeFinancialYears({ first: m('2016-04'), last: m('2017-03') })).toEqual([2016]);
  });

  it('finds complete calendar years', () => {
    expect(completeCalendarYears(TEST_VALLEY)).toEqual([2018]);
    expect(completeCalendarYears({ first: m('2017-01'), last: m('2018-12') })).toEqual([2018, 2017]);
    expect(resolvePeriod({ kind: 'calendar-year', year: 2018 }, TEST_VALLEY)).toEqual({ from: m('2018-01'), to: m('2018-12'), label: 'Calendar year 2018' });
  });
});

describe('default period and latest 12 months', () => {
  it('defaults to the latest complete financial year, FY2018/19 for Test Valley', () => {
    expect(defaultPeriodSpec(TEST_VALLEY)).toEqual({ kind: 'financial-year', startYear: 2018 });
  });

  it('defaults to the latest 12 months when no financial year is complete', () => {
    expect(defaultPeriodSpec({ first: m('2018-07'), last: m('2019-10') })).toEqual({ kind: 'latest-12' });
  });

  it('defaults to all of the data when it covers less than a year, such as one month loaded', () => {
    expect(defaultPeriodSpec({ first: m('2019-01'), last: m('2019-10') })).toEqual({ kind: 'range', from: m('2019-01'), to: m('2019-10') });
    expect(defaultPeriodSpec({ first: m('2019-09'), last: m('2019-09') })).toEqual({ kind: 'range', from: m('2019-09'), to: m('2019-09') });
  });

  it('resolves the latest 12 months to the 12 months ending with the last month of data', () => {
    const p = resolvePeriod({ kind: 'latest-12' }, TEST_VALLEY);
    expect([formatMonth(p.from), formatMonth(p.to)]).toEqual(['2018-11', '2019-10']);
    expect(p.label).toBe('12 months to Oct 2019');
  });

  it('labels a month range', () => {
    expect(resolvePeriod({ kind: 'range', from: m('2019-01'), to: m('2019-03') }, TEST_VALLEY).label).toBe('Jan 2019 to Mar 2019');
    expect(resolvePeriod({ kind: 'range', from: m('2019-01'), to: m('2019-01') }, TEST_VALLEY).label).toBe('Jan 2019');
  });
});

describe('previousPeriod and isCovered', () => {
  it('gives the financial year before a financial year', () => {
    const fy = resolvePeriod({ kind: 'financial-year', startYear: 2018 }, TEST_VALLEY);
    const before = previousPeriod(fy);
    expect([formatMonth(before.from), formatMonth(before.to)]).toEqual(['2017-04', '2018-03']);
    expect(before.label).toBe('Financial year 2017/18');
    expect(previousPeriod(resolvePeriod({ kind: 'calendar-year', year: 2019 }, TEST_VALLEY)).label).toBe('Calendar year 2018');
    // Twelve months that are neither: a month range.
    expect(previousPeriod({ from: m('2018-06'), to: m('2019-05'), label: '' }).label).toBe('Jun 2017 to May 2018');
    // Inside a sentence: "compared with financial year 2017/18"; month ranges keep their capitals.
    expect([inSentence('Financial year 2017/18'), inSentence('Calendar year 2018'), inSentence('Jun 2017 to May 2018')]).toEqual(['financial year 2017/18', 'calendar year 2018', 'Jun 2017 to May 2018']);
  });

  it('gives the period of the same length just before, for any length', () => {
    const q = previousPeriod({ from: m('2019-01'), to: m('2019-03'), label: '' });
    expect([formatMonth(q.from), formatMonth(q.to)]).toEqual(['2018-10', '2018-12']);
    const one = previousPeriod({ from: m('2019-01'), to: m('2019-01'), label: '' });
    expect([formatMonth(one.from), formatMonth(one.to)]).toEqual(['2018-12', '2018-12']);
    expect(one.label).toBe('Dec 2018');
  });

  it('knows whether the data covers a period', () => {
    const fy = (startYear: number) => resolvePeriod({ kind: 'financial-year', startYear }, TEST_VALLEY);
    expect(isCovered(fy(2018), TEST_VALLEY)).toBe(true);
    expect(isCovered(fy(2017), TEST_VALLEY)).toBe(true);
    expect(isCovered(previousPeriod(fy(2017)), TEST_VALLEY)).toBe(false);
    expect(isCovered(fy(2019), TEST_VALLEY)).toBe(false);
    expect(isCovered({ from: m('2017-04'), to: m('2019-10'), label: '' }, TEST_VALLEY)).toBe(true);
    expect(isCovered({ from: m('2017-03'), to: m('2017-04'), label: '' }, TEST_VALLEY)).toBe(false);
    expect(isCovered({ from: m('2019-10'), to: m('2019-11'), label: '' }, TEST_VALLEY)).toBe(false);
  });
});

describe('period keys', () => {
  const specs: [PeriodSpec, string][] = [
    [{ kind: 'financial-year', startYear: 2018 }, 'fy2018'],
    [{ kind: 'calendar-year', year: 2019 }, 'cy2019'],
    [{ kind: 'latest-12' }, 'latest12'],
    [{ kind: 'range', from: m('2018-04'), to: m('2019-03') }, '2018-04..2019-03'],
    [{ kind: 'range', from: m('2019-07'), to: m('2019-07') }, '2019-07..2019-07'],
  ];

  it.each(specs)('%o ⇄ %s', (spec, key) => {
    expect(periodKey(spec)).toBe(key);
    expect(periodFromKey(key)).toEqual(spec);
  });

  it('returns null for a malformed key', () => {
    for (const key of ['', 'fy', 'fy18', 'fy2018x', 'FY2018', 'cy20190', 'latest-12', 'latest', '2018-04..', '2018-04...2019-03', '2018-13..2019-03', '2019-03..2018-04', '2018-4..2019-3']) {
      expect(periodFromKey(key), key).toBeNull();
    }
  });
});
