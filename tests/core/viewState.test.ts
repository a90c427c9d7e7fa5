import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../src/core/months.ts';
import { DEFAULT_SORT, defaultView, parseAreaId, parseView, serializeView, type View, type ViewContext } from '../../src/core/viewState.ts';

const m = (text: string) => parseMonth(text)!;

/** Data from April 2017 to October 2019, like the embedded Test Valley data. */
const context: ViewContext = {
  categories: ['Anti-social behaviour', 'Burglary', 'Criminal damage and arson', 'Vehicle crime'],
  range: { first: m('2017-04'), last: m('2019-10') },
  wardIds: ['E05004628', 'E05004629', 'E05004630'],
  groupNames: ['North', 'Mid-Test', 'South'],
  hasPopulation: true,
  hasLsoas: true,
  splitNames: ['North and South'],
};

describe('defaultView', () => {
  it('is the latest complete financial year, all crime excluding ASB, rate, quantile, 5 classes', () => {
    expect(defaultView(context)).toEqual({
      view: {
        category: 'all-excl-asb',
        period: 'fy2018',
        measure: 'rate',
        method: 'quantile',
        classes: 5,
        group: null,
        ward: null,
        sort: DEFAULT_SORT,
        layer: 'wards',
        cell: null,
        band: null,
        units: 'hexagons',
        quarterly: false,
        compare: [],
        panel: 'wards',
        camera: null,
        embed: false,
        page: 'map',
        split: null,
        mode: 'officer',
      },
      notices: [],
    });
  });

  it('takes the area config defaults that are valid for the data', () => {
    const { view, notices } = defaultView({
      ...context,
      defaults: { category: 'Burglary', period: 'cy2018', measure: 'count', classification: 'ckmeans', classes: 7 },
    });
    expect(view).toMatchObject({ category: 'Burglary', period: 'cy2018', measure: 'count', method: 'ckmeans', classes: 7 });
    expect(notices).toEqual([]);
  });

  it('replaces config defaults the data cannot honour, saying so', () => {
    const { view, notices } = defaultView({ ...context, defaults: { category: 'Arson', period: 'fy2030', classes: 9 } });
    expect(view).toMatchObject({ category: 'all-excl-asb', period: 'fy2018', classes: 5 });
    expect(notices).toHaveLength(3);
    expect(notices[1]).toContain('"fy2030"');
  });

  it('maps counts when there are no populations', () => {
    expect(defaultView({ ...context, hasPopulation: false }).view.measure).toBe('count');
  });
});

describe('serializeView and parseView', () => {
  const views: View[] = [
    defaultView(context).view,
    {
      category: 'Criminal damage and arson',
      period: '2018-02..2019-07',
      measure: 'count',
      method: 'equal-interval',
      classes: 3,
      group: 'Mid-Test',
      ward: 'E05004630',
      sort: { column: 'change', direction: 'descending' },
      layer: 'hotspots',
      cell: 400,
      band: 1200,
      units: 'lsoas',
      quarterly: true,
      compare: ['Burglary', 'asb'],
      panel: 'rates',
      camera: { lon: -1.4981, lat: 51.2034, zoom: 12.5 },
      embed: true,
      page: 'report',
      split: 'North and South',
      mode: 'public',
    },
    { ...defaultView(context).view, category: 'asb', period: 'latest12', method: 'ckmeans', classes: 7, sort: { column: 'ward', direction: 'ascending' } },
  ];

  it.each(views.map((view, i) => [i, view] as const))('round-trips view %i through the query string', (_, view) => {
    const search = serializeView(view);
    expect(search.startsWith('?')).toBe(true);
    expect(parseView(search, context)).toEqual({ view, notices: [] });
  });

  it('writes the area first when the address named one, and omits empty and default settings', () => {
    const search = serializeView(defaultView(context).view, 'test-valley');
    expect(search).toBe('?area=test-valley&category=all-excl-asb&period=fy2018&measure=rate&method=quantile&classes=5&mode=officer');
  });

  it('encodes category names with spaces and commas safely', () => {
    const view = { ...defaultView(context).view, category: 'Criminal damage and arson', group: 'North' };
    expect(new URLSearchParams(serializeView(view)).get('category')).toBe('Criminal damage and arson');
  });

  it('starts in the area config\'s disclosure mode, and a link keeps its own', () => {
    const publicSite = { ...context, defaultMode: 'public' as const };
    expect(defaultView(publicSite).view.mode).toBe('public');
    expect(parseView('?mode=officer', publicSite).view.mode).toBe('officer');
    expect(parseView('?mode=secret&page=print&split=East', publicSite).notices).toEqual([
      'Ignored page="print" in the address: the page is "map" or "report".',
      'Ignored split="East" in the address: no such split of the area.',
      'Ignored mode="secret" in the address: the mode is "public" or "officer".',
    ]);
  });

  it('takes the defaults, quietly, for a missing query string', () => {
    expect(parseView('', context)).toEqual(defaultView(context));
  });
});

describe('parseView with malformed parameters', () => {
  const defaults = defaultView(context).view;

  it.each([
    ['category', 'Arson'],
    ['period', 'fy2030'],
    ['period', 'fy2016'],
    ['period', '2019-05..2018-01'],
    ['period', '2017-13..2018-01'],
    ['period', 'last week'],
    ['measure', 'ratio'],
    ['method', 'jenks'],
    ['classes', '9'],
    ['classes', '2'],
    ['classes', '5.5'],
    ['classes', 'five'],
    ['group', 'West'],
    ['ward', 'E05999999'],
    ['sort', 'rate'],
    ['sort', 'population-desc'],
    ['layer', 'satellite'],
    ['cell', '10'],
    ['cell', '250.5'],
    ['band', '99999'],
    ['trend', 'weekly'],
    ['compare', 'Arson'],
    ['panel', 'settings'],
    ['units', 'wards'],
    ['map', '12/51.2'],
    ['map', '30/51.2/-1.5'],
    ['map', '12/95/-1.5'],
    ['map', '12/51.2/-1.5<script>'],
    ['embed', 'yes'],
  ])('ignores %s=%s with a notice and keeps the default', (name, value) => {
    const { view, notices } = parseView(`?${new URLSearchParams({ [name]: value })}`, context);
    expect(view).toEqual(defaults);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`${name}=`);
  });

  it('compares at most three categories, once each', () => {
    const { view, notices } = parseView('?compare=Burglary&compare=Burglary&compare=asb&compare=Vehicle+crime&compare=all', context);
    expect(view.compare).toEqual(['Burglary', 'asb', 'Vehicle crime']);
    expect(notices).toHaveLength(1);
  });

  it('keeps the valid parameters beside the invalid ones', () => {
    const { view, notices } = parseView('?measure=count&classes=12&group=South', context);
    expect(view).toMatchObject({ measure: 'count', classes: 5, group: 'South' });
    expect(notices).toHaveLength(1);
  });

  it('notes unknown parameters', () => {
    const { view, notices } = parseView('?zoom=12&measure=count', context);
    expect(view.measure).toBe('count');
    expect(notices).toEqual(['Ignored the unknown setting "zoom" in the address.']);
  });

  it('refuses rates for an area without populations', () => {
    const { view, notices } = parseView('?measure=rate', { ...context, hasPopulation: false });
    expect(view.measure).toBe('count');
    expect(notices[0]).toContain('no population');
  });

  it('quotes hostile values as plain, shortened text', () => {
    const script = `<img src=x onerror=alert(1)>${'x'.repeat(200)}`;
    const { notices } = parseView(`?ward=${encodeURIComponent(script)}`, context);
    expect(notices[0]).toContain('"<img src=x onerror=alert(1)>');
    expect(notices[0].length).toBeLessThan(150);
  });

  it('reads "Anti-social behaviour" as the ASB selection', () => {
    expect(parseView('?category=Anti-social+behaviour', context).view.category).toBe('asb');
  });
});

describe('parseAreaId', () => {
  it('accepts lower-case letters, digits and hyphens', () => {
    expect(parseAreaId('?area=south-oxfordshire-2')).toEqual({ areaId: 'south-oxfordshire-2', notice: null });
    expect(parseAreaId('?measure=count')).toEqual({ areaId: null, notice: null });
  });

  it.each(['../secrets', 'Test-Valley', 'a/b', '', 'test valley'])('refuses %j with a notice', (value) => {
    const { areaId, notice } = parseAreaId(`?area=${encodeURIComponent(value)}`);
    expect(areaId).toBeNull();
    expect(notice).toContain('area=');
  });
});
