import { pageMessages } from '../page-messages';

/** The words of the page frame (the header's menu) and of tables that scroll sideways. */
export const layoutMessages = pageMessages(
  {
    'layout.menu': 'Menu',
    'layout.menuOpen': 'Otwórz menu',
    'layout.menuClose': 'Zamknij menu',
    'layout.communities': 'Społeczności',
    'layout.scrollHint': 'Tabela jest szersza niż ekran: przewiń ją w bok.',
    'layout.scrollRegion': '{label} (przewijana w bok)',
    'layout.table': 'Tabela',
  },
  {
    'layout.menu': 'Menu',
    'layout.menuOpen': 'Open the menu',
    'layout.menuClose': 'Close the menu',
    'layout.communities': 'Communities',
    'layout.scrollHint': 'The table is wider than the screen: scroll it sideways.',
    'layout.scrollRegion': '{label} (scrolls sideways)',
    'layout.table': 'Table',
  },
);
