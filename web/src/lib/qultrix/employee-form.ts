import type {
  ChangeEmployeeBody,
  CreateEmployeeBody,
  Employee,
  EmployeeStatus,
  EmploymentType,
} from './types';

/**
 * The employee form's flat draft, and how it becomes a create body or the
 * fields of a PATCH. The form edits one mobile and one work phone, the first
 * emergency contact and the address; other phones and contacts the API holds
 * are kept as they are.
 */
export interface EmployeeDraft {
  given: string;
  family: string;
  preferredName: string;
  workEmail: string;
  personalEmail: string;
  mobilePhone: string;
  workPhone: string;
  birthDate: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  country: string;
  contactName: string;
  contactRelationship: string;
  contactPhone: string;
  status: EmployeeStatus;
  type: EmploymentType;
  hireDate: string;
  probationEndDate: string;
  departmentId: string;
  positionId: string;
  locationId: string;
  managerId: string;
  fte: string;
  hoursPerDay: string;
  workDays: number[];
}

/** The fields an employee may change on their own record (self-service). */
export const SELF_SERVICE_FIELDS = [
  'preferredName',
  'personalEmail',
  'phones',
  'address',
  'emergencyContacts',
] as const;

export function emptyDraft(today: string): EmployeeDraft {
  return {
    given: '',
    family: '',
    preferredName: '',
    workEmail: '',
    personalEmail: '',
    mobilePhone: '',
    workPhone: '',
    birthDate: '',
    line1: '',
    line2: '',
    city: '',
    postalCode: '',
    country: '',
    contactName: '',
    contactRelationship: '',
    contactPhone: '',
    status: 'onboarding',
    type: 'full_time',
    hireDate: today,
    probationEndDate: '',
    departmentId: '',
    positionId: '',
    locationId: '',
    managerId: '',
    fte: '1',
    hoursPerDay: '8',
    workDays: [1, 2, 3, 4, 5],
  };
}

export function draftOf(employee: Employee): EmployeeDraft {
  const phone = (type: 'mobile' | 'work') => employee.phones.find((item) => item.type === type)?.number ?? '';
  const contact = employee.emergencyContacts[0];
  return {
    given: employee.legalName.given,
    family: employee.legalName.family,
    preferredName: employee.preferredName ?? '',
    workEmail: employee.workEmail ?? '',
    personalEmail: employee.personalEmail ?? '',
    mobilePhone: phone('mobile'),
    workPhone: phone('work'),
    birthDate: employee.birthDate ?? '',
    line1: employee.address?.line1 ?? '',
    line2: employee.address?.line2 ?? '',
    city: employee.address?.city ?? '',
    postalCode: employee.address?.postalCode ?? '',
    country: employee.address?.country ?? '',
    contactName: contact?.name ?? '',
    contactRelationship: contact?.relationship ?? '',
    contactPhone: contact?.phone ?? '',
    status: employee.status,
    type: employee.type,
    hireDate: employee.hireDate,
    probationEndDate: employee.probationEndDate ?? '',
    departmentId: employee.departmentId ?? '',
    positionId: employee.positionId ?? '',
    locationId: employee.locationId ?? '',
    managerId: employee.managerId ?? '',
    fte: employee.fte,
    hoursPerDay: employee.hoursPerDay,
    workDays: [...employee.workDays],
  };
}

const text = (value: string) => value.trim() || null;

function phonesOf(draft: EmployeeDraft, kept: Employee['phones'] = []): Employee['phones'] {
  const phones: Employee['phones'] = [];
  if (draft.mobilePhone.trim()) phones.push({ type: 'mobile', number: draft.mobilePhone.trim() });
  if (draft.workPhone.trim()) phones.push({ type: 'work', number: draft.workPhone.trim() });
  return [...phones, ...kept.filter((phone) => phone.type === 'home')];
}

/** The address, or null when the form leaves it empty; partial input goes to the API, which names what is missing. */
function addressOf(draft: EmployeeDraft): Employee['address'] {
  const parts = [draft.line1, draft.line2, draft.city, draft.postalCode, draft.country];
  if (parts.every((part) => !part.trim())) return null;
  return {
    line1: draft.line1.trim(),
    ...(draft.line2.trim() ? { line2: draft.line2.trim() } : {}),
    city: draft.city.trim(),
    ...(draft.postalCode.trim() ? { postalCode: draft.postalCode.trim() } : {}),
    country: draft.country.trim().toUpperCase(),
  };
}

function contactsOf(draft: EmployeeDraft, kept: Employee['emergencyContacts'] = []) {
  const rest = kept.slice(1);
  if (!draft.contactName.trim() && !draft.contactPhone.trim()) return rest;
  return [
    {
      name: draft.contactName.trim(),
      phone: draft.contactPhone.trim(),
      ...(draft.contactRelationship.trim() ? { relationship: draft.contactRelationship.trim() } : {}),
    },
    ...rest,
  ];
}

/** Every field of the draft in the API's shape (what a create sends). */
function fieldsOf(draft: EmployeeDraft, original?: Employee) {
  return {
    legalName: { given: draft.given.trim(), family: draft.family.trim() },
    preferredName: text(draft.preferredName),
    workEmail: text(draft.workEmail),
    personalEmail: text(draft.personalEmail),
    phones: phonesOf(draft, original?.phones),
    birthDate: text(draft.birthDate),
    address: addressOf(draft),
    emergencyContacts: contactsOf(draft, original?.emergencyContacts),
    status: draft.status,
    type: draft.type,
    hireDate: draft.hireDate,
    probationEndDate: text(draft.probationEndDate),
    departmentId: text(draft.departmentId),
    positionId: text(draft.positionId),
    locationId: text(draft.locationId),
    managerId: text(draft.managerId),
    fte: draft.fte.trim(),
    hoursPerDay: draft.hoursPerDay.trim(),
    workDays: [...draft.workDays].sort((a, b) => a - b),
  };
}

export function createBody(draft: EmployeeDraft): CreateEmployeeBody {
  return fieldsOf(draft);
}

type Changes = Omit<ChangeEmployeeBody, 'version'>;

/**
 * Only what the form changed (a PATCH must change at least one field, and
 * self-service may send only its own fields). Objects compare by content.
 */
export function changedFields(
  original: Employee,
  draft: EmployeeDraft,
  allowed?: readonly string[],
): Changes {
  const next = fieldsOf(draft, original);
  const before = fieldsOf(draftOf(original), original);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (allowed && !allowed.includes(key)) continue;
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) changes[key] = next[key];
  }
  return changes as Changes;
}
