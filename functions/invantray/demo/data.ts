/**
 * The vocabulary of Acme's demo inventory: a small distributor and workshop
 * with hardware, electrical parts, tools and consumables. The generator
 * (generate.ts) deals items out of these lists.
 */
export interface DemoCategory {
  name: string;
  children: readonly DemoLeaf[];
}

export interface DemoLeaf {
  name: string;
  /** SKU prefix of its items. */
  prefix: string;
  tracking: 'none' | 'lot' | 'serial';
  unit: string;
  /** A pack unit and how many base units it holds, when the items are bought in packs. */
  pack?: { unit: string; factor: number };
  /** Base names crossed with variants to make the items. */
  names: readonly string[];
  variants: readonly string[];
  /** Unit cost range in cents. */
  cost: readonly [number, number];
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  {
    name: 'Hardware',
    children: [
      {
        name: 'Fasteners',
        prefix: 'FAS',
        tracking: 'none',
        unit: 'each',
        pack: { unit: 'box', factor: 100 },
        names: ['Hex bolt', 'Machine screw', 'Wood screw', 'Lock nut', 'Flat washer', 'Anchor'],
        variants: ['M4×20', 'M5×25', 'M6×30', 'M8×40', 'M10×50', 'M12×60', 'M6×80', 'M8×100'],
        cost: [4, 60],
      },
      {
        name: 'Hinges and brackets',
        prefix: 'HNG',
        tracking: 'none',
        unit: 'each',
        pack: { unit: 'pack', factor: 10 },
        names: ['Butt hinge', 'Corner bracket', 'Shelf bracket', 'Piano hinge'],
        variants: ['50 mm', '75 mm', '100 mm', '150 mm', 'stainless 75 mm', 'stainless 100 mm'],
        cost: [80, 1200],
      },
    ],
  },
  {
    name: 'Electrical',
    children: [
      {
        name: 'Cables',
        prefix: 'CAB',
        tracking: 'lot',
        unit: 'm',
        pack: { unit: 'reel', factor: 100 },
        names: ['Installation cable', 'Flex cable', 'Data cable'],
        variants: ['1.5 mm² grey', '2.5 mm² grey', '4 mm² black', 'Cat6 blue', 'Cat6A green', '3G1.5 white'],
        cost: [40, 450],
      },
      {
        name: 'Lighting',
        prefix: 'LGT',
        tracking: 'none',
        unit: 'each',
        names: ['LED panel', 'LED tube', 'Floodlight', 'Downlight', 'Emergency light'],
        variants: ['10 W', '18 W', '24 W', '36 W', '50 W', 'IP65 24 W'],
        cost: [450, 8900],
      },
      {
        name: 'Switches and sockets',
        prefix: 'SWT',
        tracking: 'none',
        unit: 'each',
        pack: { unit: 'box', factor: 10 },
        names: ['Rocker switch', 'Double socket', 'Dimmer', 'USB socket'],
        variants: ['white', 'black', 'brushed steel', 'IP44 white', 'IP44 grey'],
        cost: [250, 3400],
      },
    ],
  },
  {
    name: 'Tools',
    children: [
      {
        name: 'Hand tools',
        prefix: 'HTL',
        tracking: 'none',
        unit: 'each',
        names: ['Screwdriver set', 'Combination spanner', 'Claw hammer', 'Utility knife', 'Pliers'],
        variants: ['small', 'medium', 'large', 'pro', 'insulated'],
        cost: [600, 4500],
      },
      {
        name: 'Power tools',
        prefix: 'PWR',
        tracking: 'serial',
        unit: 'each',
        names: ['Cordless drill', 'Impact driver', 'Angle grinder', 'Circular saw'],
        variants: ['18 V', '18 V brushless', '36 V'],
        cost: [8900, 42000],
      },
    ],
  },
  {
    name: 'Consumables',
    children: [
      {
        name: 'Adhesives and sealants',
        prefix: 'ADH',
        tracking: 'lot',
        unit: 'each',
        pack: { unit: 'case', factor: 12 },
        names: ['Construction adhesive', 'Silicone sealant', 'Epoxy', 'Wood glue'],
        variants: ['290 ml clear', '290 ml white', '310 ml grey', '1 l', '50 ml'],
        cost: [220, 1800],
      },
      {
        name: 'Abrasives',
        prefix: 'ABR',
        tracking: 'none',
        unit: 'each',
        pack: { unit: 'pack', factor: 25 },
        names: ['Sanding disc', 'Cutting disc', 'Flap disc', 'Sanding sheet'],
        variants: ['P40', 'P80', 'P120', 'P240', '115 mm', '125 mm'],
        cost: [30, 420],
      },
    ],
  },
  {
    name: 'Safety',
    children: [
      {
        name: 'Personal protection',
        prefix: 'PPE',
        tracking: 'none',
        unit: 'each',
        pack: { unit: 'box', factor: 10 },
        names: ['Safety glasses', 'Work gloves', 'Ear defenders', 'Hard hat', 'Hi-vis vest'],
        variants: ['S', 'M', 'L', 'XL'],
        cost: [150, 2600],
      },
    ],
  },
  {
    name: 'Packaging',
    children: [
      {
        name: 'Shipping supplies',
        prefix: 'PKG',
        tracking: 'none',
        unit: 'each',
        pack: { unit: 'bundle', factor: 20 },
        names: ['Carton', 'Stretch film', 'Packing tape', 'Bubble wrap', 'Pallet label'],
        variants: ['small', 'medium', 'large', 'XL', 'printed', 'recycled', 'heavy duty', 'clear'],
        cost: [20, 900],
      },
    ],
  },
];

export interface DemoSupplier {
  code: string;
  name: string;
  email: string;
  currency: string;
  paymentTermsDays: number;
  leadTimeDays: number;
  city: string;
  country: string;
  /** Leaf category prefixes it sells. */
  sells: readonly string[];
}

export const DEMO_SUPPLIERS: readonly DemoSupplier[] = [
  {
    code: 'BOLT',
    name: 'Boltworks Supply',
    email: 'orders@boltworks.example',
    currency: 'USD',
    paymentTermsDays: 30,
    leadTimeDays: 5,
    city: 'Cleveland',
    country: 'US',
    sells: ['FAS', 'HNG'],
  },
  {
    code: 'FIXR',
    name: 'Fixright Distribution',
    email: 'sales@fixright.example',
    currency: 'USD',
    paymentTermsDays: 45,
    leadTimeDays: 10,
    city: 'Dayton',
    country: 'US',
    sells: ['FAS', 'HNG', 'ABR'],
  },
  {
    code: 'VOLT',
    name: 'Voltline Electric',
    email: 'po@voltline.example',
    currency: 'USD',
    paymentTermsDays: 30,
    leadTimeDays: 7,
    city: 'Atlanta',
    country: 'US',
    sells: ['CAB', 'LGT', 'SWT'],
  },
  {
    code: 'LUMN',
    name: 'Lumina Lighting GmbH',
    email: 'orders@lumina.example',
    currency: 'EUR',
    paymentTermsDays: 60,
    leadTimeDays: 21,
    city: 'Stuttgart',
    country: 'DE',
    sells: ['LGT'],
  },
  {
    code: 'TOOL',
    name: 'Toolhaus Pro',
    email: 'trade@toolhaus.example',
    currency: 'USD',
    paymentTermsDays: 30,
    leadTimeDays: 7,
    city: 'Milwaukee',
    country: 'US',
    sells: ['HTL', 'PWR'],
  },
  {
    code: 'STIK',
    name: 'Stickwell Chemicals',
    email: 'orders@stickwell.example',
    currency: 'USD',
    paymentTermsDays: 30,
    leadTimeDays: 14,
    city: 'Houston',
    country: 'US',
    sells: ['ADH', 'ABR', 'PKG'],
  },
  {
    code: 'SAFE',
    name: 'SafeGuard PPE',
    email: 'b2b@safeguard.example',
    currency: 'USD',
    paymentTermsDays: 15,
    leadTimeDays: 4,
    city: 'Denver',
    country: 'US',
    sells: ['PPE'],
  },
];

export const DEMO_WAREHOUSES = [
  {
    code: 'CHI',
    name: 'Chicago main warehouse',
    city: 'Chicago',
    region: 'IL',
    postalCode: '60607',
    street: '1200 W Lake St',
  },
  {
    code: 'BOS',
    name: 'Boston depot',
    city: 'Boston',
    region: 'MA',
    postalCode: '02118',
    street: '45 Harrison Ave',
  },
] as const;
