import type { Office } from '../../shared/api/offices.js';

/**
 * The eight offices of the demo workspace, in signing order, with the ministers who held office
 * when such a joint letter was signed in 2024. Colours are dark enough for white text (WCAG AA).
 */
export const demoOffices: Office[] = [
  {
    id: 'dk-immigration',
    name: 'Udlændinge- og Integrationsministeriet',
    nameEn: 'Ministry of Immigration and Integration',
    country: 'Denmark',
    ministerName: 'Kaare Dybvad Bek',
    ministerTitle: 'Minister for Immigration and Integration of the Kingdom of Denmark',
    color: '#b42318',
  },
  {
    id: 'ee-interior',
    name: 'Siseministeerium',
    nameEn: 'Ministry of the Interior',
    country: 'Estonia',
    ministerName: 'Lauri Läänemets',
    ministerTitle: 'Minister of the Interior of the Republic of Estonia',
    color: '#1f5fa6',
  },
  {
    id: 'lv-interior',
    name: 'Iekšlietu ministrija',
    nameEn: 'Ministry of the Interior',
    country: 'Latvia',
    ministerName: 'Rihards Kozlovskis',
    ministerTitle: 'Minister of the Interior of the Republic of Latvia',
    color: '#7a1f3d',
  },
  {
    id: 'lt-interior',
    name: 'Lietuvos Respublikos vidaus reikalų ministerija',
    nameEn: 'Ministry of the Interior',
    country: 'Lithuania',
    ministerName: 'Agnė Bilotaitė',
    ministerTitle: 'Minister of the Interior of the Republic of Lithuania',
    color: '#2d6a2f',
  },
  {
    id: 'no-justice',
    name: 'Justis- og beredskapsdepartementet',
    nameEn: 'Ministry of Justice and Public Security',
    country: 'Norway',
    ministerName: 'Emilie Mehl',
    ministerTitle: 'Minister of Justice and Public Security of the Kingdom of Norway',
    color: '#5b3f8c',
  },
  {
    id: 'pl-interior',
    name: 'Ministerstwo Spraw Wewnętrznych i Administracji',
    nameEn: 'Ministry of the Interior and Administration',
    country: 'Poland',
    ministerName: 'Tomasz Siemoniak',
    ministerTitle: 'Minister of the Interior and Administration of the Republic of Poland',
    color: '#a63d00',
  },
  {
    id: 'fi-interior',
    name: 'Sisäministeriö',
    nameEn: 'Ministry of the Interior',
    country: 'Finland',
    ministerName: 'Mari Rantanen',
    ministerTitle: 'Minister of the Interior of the Republic of Finland',
    color: '#0b4f6c',
  },
  {
    id: 'se-government',
    name: 'Regeringskansliet',
    nameEn: 'Government Offices of Sweden',
    country: 'Sweden',
    ministerName: 'Maria Malmer Stenergard',
    ministerTitle: 'Minister for Migration of the Kingdom of Sweden',
    color: '#7c5e00',
  },
];

/** One desk officer per office (invented people), the lead office's coordinator and an administrator. */
export const demoPeople: { name: string; email: string; officeId: string; role: 'coordinator' | 'member' | 'admin' }[] = [
  { name: 'Helena Virtanen', email: 'helena@fi-interior.example', officeId: 'fi-interior', role: 'coordinator' },
  { name: 'Mette Sørensen', email: 'mette@dk-immigration.example', officeId: 'dk-immigration', role: 'member' },
  { name: 'Kadri Tamm', email: 'kadri@ee-interior.example', officeId: 'ee-interior', role: 'member' },
  { name: 'Jānis Bērziņš', email: 'janis@lv-interior.example', officeId: 'lv-interior', role: 'member' },
  { name: 'Rūta Kazlauskienė', email: 'ruta@lt-interior.example', officeId: 'lt-interior', role: 'member' },
  { name: 'Ingrid Løvås', email: 'ingrid@no-justice.example', officeId: 'no-justice', role: 'member' },
  { name: 'Paweł Wiśniewski', email: 'pawel@pl-interior.example', officeId: 'pl-interior', role: 'member' },
  { name: 'Aino Mäkelä', email: 'aino@fi-interior.example', officeId: 'fi-interior', role: 'member' },
  { name: 'Erik Åkesson', email: 'erik@se-government.example', officeId: 'se-government', role: 'member' },
  { name: 'Olli Korhonen', email: 'admin@fi-interior.example', officeId: 'fi-interior', role: 'admin' },
];
