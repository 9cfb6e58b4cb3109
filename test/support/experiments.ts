/** The experiment the tests run: the shipped gentle-overdue against its warmer challenger, 50/50. */
export const WARM_WORDING = {
  id: 'warm-wording',
  description: 'Does opening with understanding get more people to pay?',
  arms: [
    { name: 'control', template: 'gentle-overdue', weight: 50 },
    { name: 'warm', template: 'gentle-overdue-warm', weight: 50 },
  ],
};
