// Mitexco's settings, from its policy (profile D.3): it measures the site with Google Analytics and answers
// customers' questions in a chat; it states no marketing, so it asks about none. Vietnamese law wants the
// data controller named on the first layer, hence the banner text, and in the preferences. The page
// defines gtag before the tag, so Google Consent Mode is on.
window.dataLayer = window.dataLayer || [];
window.gtag = function gtag() {
  // biome-ignore lint/complexity/noArguments: Google's snippet, unchanged: gtag.js runs only Arguments objects
  window.dataLayer.push(arguments);
};
window.shopConsentConfig = {
  // Set when `npm start` runs the receipt collector beside the demo.
  receiptUrl: window.demoCollector?.receiptUrl,
  purposes: [
    { id: 'analytics', services: ['ga4'] },
    { id: 'customer-service', cookies: ['mitexco_chat'] },
  ],
  operator: {
    name: 'Công ty Cổ phần Thương mại Mỹ Tho (Mitexco)',
    address: '67 Lê Lợi, Phường 1, TP Mỹ Tho, Tiền Giang',
    contact: 'pkd.mitexco@gmail.com, hotline 1800 1595',
  },
  texts: {
    vi: {
      'banner.text':
        'Công ty Cổ phần Thương mại Mỹ Tho (Mitexco) dùng cookie để xử lý đơn hàng của bạn. Nếu bạn đồng ý, chúng tôi còn đo lượt truy cập để cải thiện website và ghi nhớ câu hỏi bạn gửi qua khung chat để hỗ trợ bạn nhanh hơn. Bạn có thể rút lại sự đồng ý bất cứ lúc nào.',
    },
  },
};
