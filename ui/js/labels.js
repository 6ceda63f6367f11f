// German labels for the codes the core sends (kinds of organisation, e-mail and phone kinds).

export const ORGANISATION_KINDS = [
  ['landratsamt', 'Landratsamt'],
  ['stadtverwaltung', 'Stadtverwaltung'],
  ['gemeindeverwaltung', 'Gemeindeverwaltung'],
  ['ministerium', 'Ministerium'],
  ['regierungspraesidium', 'Regierungspräsidium'],
  ['kommunaler_landesverband', 'Kommunaler Landesverband'],
  ['migrantenorganisation', 'Migrantenorganisation'],
  ['wohlfahrtsverband', 'Wohlfahrtsverband'],
  ['bildungstraeger', 'Bildungsträger'],
  ['sonstige', 'Sonstige'],
];

export const EMAIL_KINDS = [['work', 'dienstlich'], ['home', 'privat'], ['other', 'sonstige']];
export const PHONE_KINDS = [['work', 'dienstlich'], ['mobile', 'mobil'], ['home', 'privat'], ['fax', 'Fax'], ['other', 'sonstige']];

export function organisationKindLabel(kind) {
  const found = ORGANISATION_KINDS.find(([k]) => k === kind);
  return found ? found[1] : '';
}
