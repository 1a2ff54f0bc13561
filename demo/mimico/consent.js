// Mimico's settings, from its policy (profile D.1): it names no analytics, so the shop asks about none;
// its offers of discounts and new goods are the Meta Pixel; after-sales service is a chat; fraud checks
// with banks and the police are part of fulfilling the order, which needs no consent.
window.shopConsentConfig = {
  // Set when `npm start` runs the receipt collector beside the demo.
  receiptUrl: window.demoCollector?.receiptUrl,
  purposes: [
    { id: 'marketing', services: ['meta-pixel'] },
    { id: 'customer-service', cookies: ['mimico_chat'] },
  ],
  texts: {
    mn: {
      'banner.text':
        'Бид таны захиалгыг хүлээн авч, хүргэхийн тулд күүки ашигладаг. Таны зөвшөөрлөөр танд хямдрал, урамшууллын мэдээлэл харуулж, борлуулалтын дараах үйлчилгээг чатаар үзүүлнэ. Сонголтоо хүссэн үедээ өөрчилж болно.',
      'purposes.necessary.description':
        'Сагс, төлбөр тооцоо, онлайн захиалгыг тань хүргэх, сайтын аюулгүй байдал болон луйврын гүйлгээг илрүүлэх.',
    },
  },
};
