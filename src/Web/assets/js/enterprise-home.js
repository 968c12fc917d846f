import { api, problemText } from './api.js';
import { $, badge, say, texts } from './dom.js';
import { date, fill, number } from './format.js';
import { condition } from './ward-level.js';

const t = texts();

async function load() {
  const me = await api('me');
  if (!me.ok) return say($('#load-error'), problemText(me, t));
  const [enterprise, period] = await Promise.all([api(`enterprises/${me.data.enterpriseId}`), api('periods/current')]);
  if (!enterprise.ok) return say($('#load-error'), problemText(enterprise, t));
  const e = enterprise.data;
  $('#enterprise-name').textContent = e.name;
  $('#enterprise-meta').replaceChildren(`MST ${e.taxCode} · `, badge(e.status, t));
  $('#quota').textContent = number(e.quota);
  $('#ratio').textContent = fill(t.ratio, e.ratioPercent, number(e.workforce));
  $('#active').textContent = number(e.activePermits);
  $('#remaining').textContent = number(e.remaining);
  $('#meter').style.width = `${e.quota > 0 ? Math.min(100, (100 * e.activePermits) / e.quota) : 0}%`;
  say($('#over-quota'), e.permitsOverQuota > 0 ? fill(t.overQuota, number(e.activePermits), number(e.quota), number(e.permitsOverQuota)) : '');
  $('#period').textContent = period.ok
    ? fill(t.period, period.data.label, date(period.data.startsAt), date(period.data.endsAt))
    : t.noPeriod;
  await showWard(e);
}

/** The enterprise's ward with its epidemic level, and whether a lockdown suspends the enterprise's permits. */
async function showWard(e) {
  const wards = await api(`wards?cityCode=${encodeURIComponent(e.cityCode)}`);
  const ward = wards.ok ? wards.data.find((w) => w.code === e.wardCode) : null;
  if (!ward) return;
  $('#enterprise-ward').replaceChildren(`${ward.name} · `, condition(ward, t));
  $('#enterprise-ward').hidden = false;
  say($('#lockdown-notice'), ward.lockdown ? fill(t.lockdownNotice, ward.name) : '');
}

load();
