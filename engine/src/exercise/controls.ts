/**
 * The compliance frameworks a scenario's control tags may name, and what an auditor reads for each.
 * PCI DSS 12.10.2 asks that the test cover every element of 12.10.1, so its elements are listed one
 * by one and a tag must name one of them; the other frameworks take any reference (their control
 * catalogues are long and versioned, and the tag is shown as written).
 */
export interface Framework {
  name: string;
  /** For frameworks whose elements an exercise must cover one by one: the element ids and what each asks. */
  elements?: Readonly<Record<string, string>>;
  /** The references an auditor usually asks an exercise about, for the controls page. */
  note: string;
}

export const PCI_12_10_1_ELEMENTS: Readonly<Record<string, string>> = {
  'roles-communication':
    'Roles, responsibilities, and communication and contact strategies, including notification of payment brands and acquirers',
  procedures: 'Incident response procedures with specific containment and mitigation activities',
  'business-recovery': 'Business recovery procedures',
  'data-backup': 'Data backup processes',
  'legal-reporting': 'Analysis of legal requirements for reporting compromises',
  'critical-components': 'Coverage and responses of all critical system components',
  'payment-brands': 'Reference or inclusion of incident response procedures from the payment brands',
};

export const FRAMEWORKS: Readonly<Record<string, Framework>> = {
  'pci-12.10.1': {
    name: 'PCI DSS v4.0 12.10.1 (tested under 12.10.2)',
    elements: PCI_12_10_1_ELEMENTS,
    note: '12.10.2: the incident response plan is tested at least once every 12 months, covering every element of 12.10.1.',
  },
  soc2: {
    name: 'SOC 2 (Trust Services Criteria)',
    note: 'CC7.3 evaluate security events, CC7.4 respond to incidents, CC7.5 recover and learn from them.',
  },
  iso27001: {
    name: 'ISO/IEC 27001:2022 Annex A',
    note: 'A.5.24 planning and preparation, A.5.26 response to incidents, A.5.27 learning from incidents.',
  },
  hipaa: {
    name: 'HIPAA Security Rule',
    note: '164.308(a)(7)(ii)(D): testing and revision procedures for contingency plans; keep the records six years.',
  },
  'nist-csf': {
    name: 'NIST CSF 2.0',
    note: 'ID.IM-02: improvements are identified from security tests and exercises.',
  },
};

/** A tag split into its framework and reference; the reference is everything after the first colon. */
export function splitControl(tag: string): { framework: string; reference: string } {
  const colon = tag.indexOf(':');
  return { framework: tag.slice(0, colon), reference: tag.slice(colon + 1) };
}

/** Why a tag names no known framework or PCI element, or null when it does. Pure. */
export function controlProblem(tag: string): string | null {
  const { framework, reference } = splitControl(tag);
  const known = FRAMEWORKS[framework];
  if (!known)
    return `'${framework}' is not a framework Chaos Quest knows. Known: ${Object.keys(FRAMEWORKS).join(', ')}.`;
  if (known.elements && !Object.hasOwn(known.elements, reference))
    return `'${reference}' is not an element of ${framework}. Elements: ${Object.keys(known.elements).join(', ')}.`;
  return null;
}
