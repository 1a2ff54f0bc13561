// Migpromo's settings, from its policy (profile D.4): a Kazakhstan seller that must name its operator and
// registration number and say how long consent lasts (12 months). Its "statistical script (pixel)" is
// Yandex Metrica, its advertising Google Ads; it personalises the catalogue and runs a support chat.
// Security checks (approximate location) and handing orders to couriers need no consent: the necessary
// purpose says so.
window.shopConsentConfig = {
  // Set when `npm start` runs the receipt collector beside the demo.
  receiptUrl: window.demoCollector?.receiptUrl,
  operator: {
    name: 'ЖК «Migpromo»',
    id: '760919301616',
    address: { ky: 'Казакстан, Алматы' },
    contact: 'info@migpromo.kz, +7 777 353 06 29',
  },
  purposes: [
    {
      id: 'analytics',
      services: ['yandex-metrica'],
      label: { ky: 'Статистика (пиксел)' },
      description: {
        ky: 'Сайттын статистикалык скрипти («пиксел») IP дарегиңизди, браузериңизди жана кайсы барактарды качан ачканыңызды эсепке алат. Анын жардамы менен сайттагы техникалык көйгөйлөрдү табабыз.',
      },
    },
    { id: 'marketing', services: ['google-ads'] },
    { id: 'personalization', cookies: ['viewed_products'] },
    { id: 'customer-service', cookies: ['migpromo_chat'] },
  ],
  texts: {
    ky: {
      'notice.operatorId': 'ЖСН/БИН: {{id}}',
      'purposes.necessary.description':
        'Буйрутмаларды кабыл алуу жана жеткирүү, жеке кабинетке кирүү жана сайттын коопсуздугу. Алдамчылыктын алдын алуу үчүн болжолдуу жайгашкан жериңизди аныктайбыз. Маалыматтарыңыз буйрутманы жеткирүү үчүн гана курьерлерге жана почтага берилет.',
    },
  },
};
