export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface Column {
  key: string;
  label: string;
  sortable?: boolean;
  align?: 'left' | 'right';
  /** Hidden below 640 px (secondary columns on a phone). */
  hideOnMobile?: boolean;
  width?: string;
}

export interface Sort {
  key: string;
  direction: 'asc' | 'desc';
}

export interface Tab {
  id: string;
  label: string;
  /** Link tabs navigate (sections with their own URL); others switch a panel. */
  href?: string;
}
