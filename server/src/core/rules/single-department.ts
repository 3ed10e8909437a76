import type { Rule } from './api';
import { t } from '../text';
import { words } from '../vocab';

/** docs/rules/README.md: every team member is from one department (social media needs press, product, HR, sales, support…) */
export const rule: Rule = {
  meta: {
    id: 'single-department',
    severity: 'information',
    local: true,
    scope: 'strategy',
    description: t(
      'Every team member with a department is from the same one; social media needs press, product, HR, sales and support too.',
      'Alle Teammitglieder mit Bereich kommen aus demselben; Social Media braucht auch Presse, Produkt, Personal, Vertrieb und Kundenservice.',
    ),
  },
  check(ctx) {
    const doc = ctx.project.strategy;
    const s = doc?.strategy;
    if (!doc || !s) return;
    const withDept = s.people.filter((p) => p.department && words(p.department.value).length);
    if (withDept.length < 2) return;
    const key = (v: string) => words(v).join(' ');
    const first = key(withDept[0].department!.value);
    if (!withDept.every((p) => key(p.department!.value) === first)) return;
    const dept = withDept[0].department!.value;
    const team = s.sections.find((x) => x.keys.includes('team'));
    const all = withDept.length === s.people.length;
    const n = withDept.length;
    const countEn = `${n === 2 ? 'Both' : `All ${n}`} team members${all ? '' : ` with a department (of ${s.people.length})`} are`;
    const countDe = `${n === 2 ? 'Beide' : `Alle ${n}`} Teammitglieder${all ? '' : ` mit Bereich (von ${s.people.length})`} kommen`;
    ctx.report({
      uri: doc.uri,
      range: team?.headingRange ?? doc.titleRange,
      message: t(
        `${countEn} from ${dept}. Social media needs more voices: bring in people from press, product, HR, sales and customer support.`,
        `${countDe} aus ${dept}. Social Media braucht mehr Stimmen: Holen Sie Menschen aus Presse, Produkt, Personal, Vertrieb und Kundenservice dazu.`,
      ),
      data: { department: dept, people: withDept.map((p) => p.id) },
    });
  },
};
