"""Metadata from the layouts scraped portals leave, one shape per case."""

from __future__ import annotations

import pytest

from ntl_extract import extract

CASES = [
    # (text, field, expected)
    # a byline that ends the last paragraph, with the outlet after a slash
    ("Tiêu đề bài viết\nNội dung dài của bài báo, kết thúc bằng dấu chấm. Minh Ngọc/VOV.VN ",
     {"title": "Tiêu đề bài viết", "author": "Minh Ngọc"}),
    ("Tiêu đề bài viết\nNội dung dài của bài báo, kết thúc bằng dấu chấm. Hoài Thu/Báo Tin tức ",
     {"author": "Hoài Thu"}),
    ("Tiêu đề bài viết\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nThuỷ Hoà/VOV-Tây Bắc",
     {"author": "Thủy Hòa"}),
    ("Tiêu đề bài viết\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nHải Yến/VTV Digital",
     {"author": "Hải Yến"}),
    # … nor is it when the block was scraped beside the recipients' column
    ("Quyết định khen thưởng\n05/03/2024\n\nNội dung quyết định dài.\n\nNơi nhận:                TM. ỦY BAN NHÂN DÂN\n- Như Điều 3;             KT. CHỦ TỊCH\n- TT Huyện ủy;            PHÓ CHỦ TỊCH\n- Lưu: VT, NV.\n                          (Đã ký)\n\n                          Hà Thị Mai Hương\n",
     {"author": None}),
    # the agency credited after the closing byline is the outlet
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\nĐức Thắng (TTXVN)\n",
     {"author": "Đức Thắng", "outlet": "TTXVN"}),
    # a stamp over the breadcrumb is the stamp, not the site's name
    ("Thứ Hai, 14/10/2019 - 10:21 (GMT+7)\nTrang chủ / Kinh tế / Nông nghiệp\n\nGiá lúa tăng nhẹ\n\n(BAG) - Những ngày qua, giá lúa tăng.\n\nĐoạn hai.\n\nĐoạn ba.\n\nĐoạn bốn.\n\nĐoạn năm.\n",
     {"title": "Giá lúa tăng nhẹ", "published": "2019-10-14T10:21+07:00"}),
    # a document posted alone: its subject is the title, its place-and-date line the publication date
    ("ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN TÂN AN                Độc lập - Tự do - Hạnh phúc\n\nSố: 15/KH-UBND                    Tân An, ngày 20 tháng 12 năm 2021\n\nKẾ HOẠCH\nBảo đảm an toàn giao thông dịp Tết Nguyên đán\n\nCăn cứ Luật Giao thông đường bộ;\nỦy ban nhân dân huyện ban hành Kế hoạch như sau.",
     {"title": "Bảo đảm an toàn giao thông dịp Tết Nguyên đán", "published": "2021-12-20"}),
    # the portal's name under the body's name in capitals is no headline; `Tác giả:` on its own line
    ("CÔNG AN TỈNH HÒA LÂM\nCổng thông tin điện tử\nTrang chủ > Tin tức\n\nTriệt phá đường dây đánh bạc qua mạng\nCập nhật lúc: 08:45 ngày 16/08/2022\nTác giả: Lê Minh Hà\n\nNgày 15/8, Công an tỉnh họp báo.\n\nĐoạn hai của bài.",
     {"title": "Triệt phá đường dây đánh bạc qua mạng", "published": "2022-08-16T08:45+07:00", "author": "Lê Minh Hà"}),
    # … but an author's label beside the stamp leaves the stamp read
    ("Kế hoạch tổ chức lễ hội hoa mận\nCập nhật lúc: 21/02/2025 09:05 | Tác giả: Ngọc Hân\n\nNgày 20/02/2025, huyện ban hành kế hoạch.",
     {"published": "2025-02-21T09:05+07:00", "author": "Ngọc Hân"}),
    ("SỞ Y TẾ TỈNH HÒA LÂM - CỔNG THÔNG TIN ĐIỆN TỬ\nĐường dây nóng: 0227 3831 456\nTin tức - Sự kiện    Hoạt động ngành    Văn bản    Hỏi đáp\n\nBệnh viện tỉnh sơ kết công tác 9 tháng đầu năm 2022\nNgày đăng: 07/10/2022\n\nSáng 6/10, bệnh viện tổ chức hội nghị.",
     {"title": "Bệnh viện tỉnh sơ kết công tác 9 tháng đầu năm 2022", "published": "2022-10-07"}),
    # a site's brand alone over the page is the outlet
    ("VnExpress\nThời sự  ›  Thời tiết\nThứ bảy, 4/11/2017, 15:40 (GMT+7)\n\nBão số 12 đổ bộ Khánh Hòa\n\nBão số 12 với sức gió mạnh đã đổ bộ vào Khánh Hòa sáng nay.",
     {"outlet": "VnExpress", "title": "Bão số 12 đổ bộ Khánh Hòa"}),
    # … or its domain name alone, over the section and the stamp
    ("Baochinhphu.vn\nChuyển đổi số\n14/10/2025 08:05\n\nHồ sơ trực tuyến cấp xã đạt 85,6% sau 100 ngày\n\n(Chinhphu.vn) - Theo báo cáo của Bộ, tỷ lệ hồ sơ trực tuyến đạt 85,6%.",
     {"outlet": "Baochinhphu.vn", "title": "Hồ sơ trực tuyến cấp xã đạt 85,6% sau 100 ngày"}),
    # a social-media page's post: the page's name over the stamp (no year: no publication date), an
    # emoji before the headline; a stamp with its year dates the post
    ("Trang thông tin điện tử xã Tân Lập\n15 tháng 3 lúc 08:30 · 🌏\n\n📢 XÃ TÂN LẬP RA MẮT TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG\n\nSáng 14/3, UBND xã tổ chức lễ ra mắt tổ công nghệ số tại nhà văn hóa thôn.",
     {"outlet": "Trang thông tin điện tử xã Tân Lập", "title": "XÃ TÂN LẬP RA MẮT TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", "published": None}),
    ("Công an tỉnh Yên Bái\n1 tháng 4, 2020 lúc 21:05 · 🌏\n\n⚠️ THÔNG BÁO KHẨN: THỰC HIỆN CÁCH LY TOÀN XÃ HỘI PHÒNG, CHỐNG DỊCH COVID-19\n\nThực hiện Chỉ thị số 16/CT-TTg, Ban Chỉ đạo thông báo:\n\n1️⃣ Thực hiện cách ly toàn xã hội trong vòng 15 ngày, mọi người dân ở tại nhà...\n",
     {"outlet": "Công an tỉnh Yên Bái", "title": "THÔNG BÁO KHẨN: THỰC HIỆN CÁCH LY TOÀN XÃ HỘI PHÒNG, CHỐNG DỊCH COVID-19",
      "published": "2020-04-01T21:05+07:00"}),
    # a messaging app's official account
    ("Zalo Official Account\nUBND Phường Tân Mai\nTài khoản đã xác thực · 12.406 người quan tâm\n\nRa quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới\n10/05/2023 16:05\n\nThực hiện Kế hoạch của UBND thành phố, phường đã ra quân tổng vệ sinh môi trường.",
     {"outlet": "UBND Phường Tân Mai", "title": "Ra quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới"}),
    ("Zalo OA · UBND xã Hợp Hòa\n✔ Tài khoản chính thức\n\nKẾ HOẠCH SẢN XUẤT VỤ ĐÔNG XUÂN: GIEO CẤY 1.245,6 HA LÚA\n07/01/2026 07:45\n\nNgày 06/01/2026, UBND xã tổ chức hội nghị triển khai kế hoạch sản xuất vụ Đông Xuân.",
     {"outlet": "UBND xã Hợp Hòa", "title": "KẾ HOẠCH SẢN XUẤT VỤ ĐÔNG XUÂN: GIEO CẤY 1.245,6 HA LÚA"}),
    # a portal's name with its province after a dash, no `tỉnh` written
    ("Trang thông tin điện tử huyện Lệ Thủy - Quảng Bình\nGiáo dục - Đào tạo\n\nTrường Tiểu học số 1 đón Bằng công nhận trường đạt chuẩn quốc gia\nCập nhật lúc 15:40 ngày 21/11/2013\n\nSáng 20/11, Trường Tiểu học số 1 tổ chức lễ đón Bằng công nhận trường đạt chuẩn quốc gia mức độ 1.",
     {"title": "Trường Tiểu học số 1 đón Bằng công nhận trường đạt chuẩn quốc gia"}),
    # an English-style byline, a photo credit beside it
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nBy Khánh Vy | Photo: Đức Anh\n",
     {"author": "Khánh Vy"}),
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nBy Minh Hoàng\n",
     {"author": "Minh Hoàng"}),
    # an English-language page: weekday, `Published:`, `Views:`, `By` under the headline, `Reporter:`
    ("VIETNAM TRADE NEWS  |  Kinh tế  >  Đầu tư\nWednesday, 08/05/2024 09:40 (GMT+7)   Views: 2,315\n\n"
     "Khu công nghệ cao đón 12 dự án mới\nBy Quốc Bảo\n\n(VTN) - Sáng 7/5, Ban Quản lý trao giấy chứng nhận cho nhà đầu tư.",
     {"published": "2024-05-08T09:40+07:00", "views": 2315, "author": "Quốc Bảo", "title": "Khu công nghệ cao đón 12 dự án mới"}),
    ("KINH TẾ SỐ - Digital Economy\nHome > Dự án\n\nKhởi công nhà máy linh kiện điện tử\nPublished: 03/09/2022 15:10 | Updated: 03/09/2022 16:00\n"
     "Reporter: Hải Đăng\n\nSáng 2/9, nhà đầu tư khởi công nhà máy tại khu công nghiệp.",
     {"published": "2022-09-03T15:10+07:00", "author": "Hải Đăng"}),
    ("Hải Phòng News | Kinh tế\nMonday, 06/01/2025, 16:20 (GMT+7)\n\nThành phố trao chứng nhận đầu tư đầu năm\n\nNgày 5/1, thành phố trao chứng nhận đầu tư cho các dự án.",
     {"published": "2025-01-06T16:20+07:00", "title": "Thành phố trao chứng nhận đầu tư đầu năm"}),
    # a commune's portal named with its district; a rule drawn between the byline and the copyright
    ("Trang thông tin điện tử xã Hòa Lâm - huyện Tân Phước\nTin hoạt động\nXã tổ chức ngày hội đại đoàn kết toàn dân tộc\n"
     "Ngày đăng: 15/11/2024\n\nSáng 14/11, xã tổ chức ngày hội tại nhà văn hóa thôn.\n\nThu Trang\n---\n"
     "Bản quyền thuộc Ủy ban nhân dân xã Hòa Lâm. Điện thoại: 0270 3812 345.",
     {"title": "Xã tổ chức ngày hội đại đoàn kết toàn dân tộc", "author": "Thu Trang"}),
    # the stamp's time in the field after its date; a photographer credited beside the author
    ("BÁO SÔNG LAM ĐIỆN TỬ\nThời sự  |  Quốc phòng - An ninh  |  Thứ Ba, 11/02/2025  |  09:45\n\n"
     "Huyện tiễn 98 thanh niên lên đường nhập ngũ\nBy Quỳnh Chi  |  Photo: Văn Sơn\n\n(SLĐT) - Sáng 10/2, huyện tổ chức lễ giao nhận quân.",
     {"published": "2025-02-11T09:45+07:00", "author": "Quỳnh Chi", "title": "Huyện tiễn 98 thanh niên lên đường nhập ngũ"}),
    # the author's body after a dash in a labelled byline; a byline scraped under the related list
    ("Kỳ họp thứ Năm HĐND xã\nNgày đăng: 20/12/2025\n\nHĐND xã khai mạc kỳ họp.\n\nTác giả: Lệ Thu – Văn phòng HĐND và UBND xã\n",
     {"author": "Lệ Thu"}),
    ("Xã ra quân làm đường giao thông\n12/03/2024\n\nSáng 11/3, xã ra quân làm đường giao thông nông thôn.\n\n"
     "Tin liên quan\n- Xã tổ chức ngày hội đại đoàn kết (10/11/2023)\n- Ra mắt mô hình dân vận khéo (02/10/2023)\n\nNguyễn Thành Long\n",
     {"author": "Nguyễn Thành Long"}),
    ("Giải ngân vốn đầu tư công những tháng cuối năm\n19/11/2023\n\nThủ tướng vừa ký công điện về giải ngân vốn.\n\n"
     "Tin liên quan\n» Giải ngân vốn đầu tư công 10 tháng đạt hơn 51% kế hoạch\n\nHải Đăng (TTXVN)\n",
     {"author": "Hải Đăng", "outlet": "TTXVN"}),
    # the author's name in capitals before the stamp, in one line
    ("Báo Hòa Lâm\nGiáo dục - Đào tạo\nTỉnh đẩy mạnh chuyển đổi số trong giáo dục\nTHU HÀ | 11/10/2025 - 14:35\n\nNhân Ngày Chuyển đổi số quốc gia, Sở tổ chức hội nghị.",
     {"author": "Thu Hà", "published": "2025-10-11T14:35+07:00", "title": "Tỉnh đẩy mạnh chuyển đổi số trong giáo dục"}),
    # a name alone under the headline, the stamp above it; an agency's `Online` after its short name;
    # the source in brackets after a closing byline is the outlet
    ("TUOITRE.VN | THẾ GIỚI\n16/05/2018 19:42 GMT+7\n\nHai nước nhất trí đẩy nhanh giải ngân vốn ODA\n\nHồng Hạnh\n\n"
     "TTO - Chiều 16-5, tại Hà Nội, hai bộ trưởng đã hội đàm về tình hình hợp tác song phương, thống nhất nhiều biện pháp "
     "thúc đẩy giải ngân các dự án vốn vay ưu đãi thế hệ mới trong năm nay và các năm tiếp theo.",
     {"author": "Hồng Hạnh", "title": "Hai nước nhất trí đẩy nhanh giải ngân vốn ODA"}),
    ("Hai nước thúc đẩy hợp tác quốc phòng\n23/11/2016\n\nQĐND Online - Chiều 23-11, tại Hà Nội, hai bên hội đàm.",
     {"outlet": "QĐND"}),
    ("Tổng Bí thư tiếp Thủ tướng nước bạn\n19/06/2022\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nMai Phương (Nguồn: Báo Nhân Dân)\n",
     {"author": "Mai Phương", "outlet": "Nhân Dân"}),
    # the byline's body on the line under it
    ("Huyện tổng kết công tác văn hóa\n05/05/2024\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nLò Hằng\nTrung tâm VH,TT&TT huyện\n\n"
     "Bản quyền thuộc về UBND huyện Mường La\n",
     {"author": "Lò Hằng"}),
    # a portal named after a body whose name has lower-case words, then a section, then the headline
    ("Cổng Thông tin điện tử Chính phủ\nĐịa phương\nTỉnh đặt mục tiêu 90% hồ sơ trực tuyến toàn trình năm 2026\n16/12/2025 09:12\n\n"
     "Chiều 15/12, Ban Chỉ đạo họp phiên thứ tư. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"title": "Tỉnh đặt mục tiêu 90% hồ sơ trực tuyến toàn trình năm 2026"}),
    ("Cổng thông tin điện tử Bộ Tài chính\nBộ trưởng làm việc với Kho bạc Nhà nước về giải ngân vốn\n16/12/2025 09:12\n\n"
     "Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"title": "Bộ trưởng làm việc với Kho bạc Nhà nước về giải ngân vốn"}),
    # the site's bar with today's date is no stamp; the readers' comments end the article (the byline
    # before them); a view count beside a share button under the stamp
    ("Thứ Năm, 21/12/2017 | Đăng nhập | English\nTrang chủ » Tin tức » Kinh tế\nXã đón nhận Bằng công nhận đạt chuẩn nông thôn mới\n"
     "20/12/2017 08:45\nChia sẻ | Lượt xem: 356\n\nNgày 19/12, UBND xã tổ chức lễ đón nhận. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n\n"
     "Hà Thu Trang - Trung tâm VH-TT huyện\nChia sẻ: Facebook Zalo\nÝ kiến bạn đọc (2)\nLê Văn Bình - 22/12/2017 09:14\n"
     "Thủ tục ở xã tôi giờ nhanh hơn nhiều, nộp trực tuyến chỉ mất hai ngày là có kết quả.\nGửi bình luận\n",
     {"published": "2017-12-20T08:45+07:00", "author": "Hà Thu Trang", "views": 356}),
    # a browser tab's title over the page; the byline before the stamp on one line; the posting's
    # stamp, not the update's
    ("Đại hội Đảng bộ xã Khánh Thành lần thứ XXIII - Trang thông tin điện tử huyện Phú Khánh\nTrang chủ / Tin tức / Đại hội\n"
     "Đại hội Đảng bộ xã Khánh Thành lần thứ XXIII\nHồng Nhung   Thứ Năm, 25/06/2020 - 17:48   (Cập nhật: Thứ Sáu, 26/06/2020 - 08:05)\n\n"
     "Trong 2 ngày 24 và 25/6/2020, Đảng bộ xã tổ chức đại hội. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"title": "Đại hội Đảng bộ xã Khánh Thành lần thứ XXIII", "published": "2020-06-25T17:48+07:00", "author": "Hồng Nhung"}),
    ("Huyện khắc phục hậu quả mưa lũ, hỗ trợ hộ dân bị ngập\nCập nhật lúc 19:35 ngày 21/10/2020  |  Đăng lúc 06:10 ngày 21/10/2020\n\n"
     "Từ ngày 6/10 đến 18/10, trên địa bàn huyện xảy ra 3 đợt mưa lớn. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"published": "2020-10-21T06:10+07:00"}),
    # a sidebar's dated items over the headline are no headline; an unnamed reporter signs `PV`
    ("Trang chủ | Tin tức | Liên hệ\nTIN MỚI\n• Khai mạc Hội khỏe Phù Đổng huyện lần thứ VIII (08/07/2016)\n"
     "• Tập huấn kỹ năng sơ cấp cứu cho đội viên (01/07/2016)\nTuổi trẻ huyện ra quân Chiến dịch Thanh niên tình nguyện hè\n"
     "Thứ Sáu, 08/07/2016, 10:47\n\nSáng 7/7, Huyện đoàn tổ chức Lễ ra quân. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nPV\n",
     {"title": "Tuổi trẻ huyện ra quân Chiến dịch Thanh niên tình nguyện hè", "author": "PV"}),
    # `Theo Báo X` on the last line: the outlet the article is taken from, no author
    ("Thị xã giải ngân vốn đầu tư công đạt 96,3%\nThứ Hai, 06/01/2025, 15:02\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nTheo Báo Hòa Bình\n",
     {"author": None, "outlet": "Báo Hòa Bình"}),
    # two authors, in capitals at the end or under the headline; an agency in capitals is no author
    ("Khởi tố vụ cháy nhà trọ\n14/03/2023 11:20\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nNGỌC KHẢI - MINH HÒA\n",
     {"author": "Ngọc Khải - Minh Hòa"}),
    ("Khởi tố vụ cháy nhà trọ\n14/03/2023 11:20\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nTHU HÀ - VOV GIAO THÔNG\n",
     {"author": "Thu Hà"}),
    ("Công đoàn\nThưởng Tết năm nay: nhiều doanh nghiệp chỉ thưởng bằng hiện vật\nLê Hoàng - Minh Khôi\nThứ Bảy, 06/01/2024 07:30 (GMT+7)\n"
     "Đơn hàng sụt giảm khiến nhiều doanh nghiệp cắt giảm thưởng Tết năm nay. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"author": "Lê Hoàng - Minh Khôi"}),
    # the byline's agency abbreviated in capitals, with its committee's (`BTG HU`)
    ("Huyện tổng kết năm học\n05/05/2018\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nMinh Hiếu - BTG HU\n",
     {"author": "Minh Hiếu"}),
    # the byline after the last full stop of a one-paragraph scrape, a related-list label glued after it
    ("Thị xã chủ động phòng chống thiên tai mùa mưa bão\nTrước mùa mưa bão, thị xã đã rà soát toàn bộ hồ đập. Ngày 4-6, thị xã tổ chức hội nghị. "
     "Thị xã cũng tăng cường tuyên truyền Luật Phòng, chống thiên tai. Quang Minh Xem thêm:",
     {"author": "Quang Minh"}),
    # a ticker over the page is no headline; an author box under the sapo (a name, then the reporter's role)
    ("Giá vàng SJC: 79,50 - 81,50 triệu đồng/lượng   |   Tỷ giá USD: 24.650 đồng   |   Hà Nội  18°C - 23°C, mưa phùn   |   TP.HCM 25°C - 34°C, nắng\n"
     "SỨC KHỎE  ›  Y TẾ CƠ SỞ\n\nNGHỆ AN: TIÊM BỔ SUNG VẮC XIN SỞI CHO HƠN 12.000 TRẺ\nThứ ba, ngày 5 tháng 3 năm 2024, 08:15 (GMT+7)\n\n"
     "Trước nguy cơ dịch sởi quay trở lại, ngành y tế triển khai chiến dịch tiêm bổ sung vắc xin cho trẻ từ 1 đến 5 tuổi tại 5 huyện miền núi, "
     "với sự tham gia của hàng trăm cán bộ y tế cơ sở và các trạm y tế xã trên địa bàn.\n\nHoàng Minh Tuấn\nPhóng viên Ban Thời sự\n\n"
     "Sáng 4/3, Sở Y tế cho biết. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"title": "NGHỆ AN: TIÊM BỔ SUNG VẮC XIN SỞI CHO HƠN 12.000 TRẺ", "author": "Hoàng Minh Tuấn"}),
    # the byline over `Theo Báo X`; a byline with its agency under a related list, chrome after it
    ("Vải thiều Lục Ngạn vào vụ\n16/06/2018\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nThanh Nga\nTheo Báo Bắc Giang\n\n"
     "Tags: vải thiều, xuất khẩu\nBài viết cùng chuyên mục:\n• Giá vải thiều giảm mạnh (16/06/2018)\nBình luận (2)   |   Gửi bình luận\n",
     {"author": "Thanh Nga", "outlet": "Báo Bắc Giang"}),
    ("Sạt lở trên quốc lộ 6\n05/09/2022\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nTin liên quan:\n"
     "- Quốc lộ 6 thông xe sau sạt lở do mưa lớn - 02/09/2022\n\nMinh Anh/VOV\nChia sẻ: Facebook  Zalo   |   Lượt xem: 5.872\n"
     "Bản quyền thuộc về Đài Tiếng nói Việt Nam.\n",
     {"author": "Minh Anh", "views": 5872}),
    # a year before the label is no view count
    ("Xã tổ chức hội nghị\nNgày đăng: 16/06/2023    Lượt xem: 87\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n", {"views": 87}),
    ("Lũ quét ở huyện vùng cao\nCập nhật: 21:40, 11/09/2024   Lượt đọc: 1.205\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"views": 1205, "published": "2024-09-11T21:40+07:00"}),
    # an advice column's answer signed by a lawyer: on the last line, or over the body they write for
    ("Hỏi đáp pháp luật\n\nTặng cho đất cho con theo luật mới\nThứ Năm, 15/08/2024 09:12\n\nHỏi: Bố mẹ tôi có thửa đất.\n\n"
     "Trả lời: Theo quy định, bạn được tách thửa.\n\nLuật sư Trịnh Văn Hậu\nĐoàn Luật sư TP Hà Nội\n", {"author": "Trịnh Văn Hậu"}),
    ("Hỏi đáp\n\nBị lừa chuyển tiền qua mạng, làm sao lấy lại?\n06/02/2026 20:15\n\nHỏi: Tôi bị lừa.\n\n"
     "Trả lời: Bạn cần trình báo cơ quan công an.\n\nLuật sư Mai Xuân Thuỷ – Đoàn Luật sư tỉnh Bắc Ninh\n", {"author": "Mai Xuân Thủy"}),
    # the site's name before the stamp's label, the time before the day
    ("Kinh tế | Tài chính\nThu ngân sách năm 2024 vượt dự toán\nVTV.vn  Cập nhật lúc 16:48, Thứ Tư, 08/01/2025\n"
     "(VTV.vn) - Sáng 8/1, Bộ Tài chính tổ chức họp báo. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"published": "2025-01-08T16:48+07:00", "title": "Thu ngân sách năm 2024 vượt dự toán"}),
    # a section line over a headline that asks a question
    ("Đài Tiếng nói Việt Nam - Kinh tế\nĐối thoại cuối tuần: GDP năm 2017 tăng 6,81% - Động lực nào cho năm 2018?\n"
     "Thứ Sáu, 29/12/2017, 06:15 (GMT+7)\nTrong chương trình phát trên hệ VOV1, phóng viên đã trao đổi với chuyên gia. Nội dung dài, kết thúc.\n",
     {"title": "Đối thoại cuối tuần: GDP năm 2017 tăng 6,81% - Động lực nào cho năm 2018?", "published": "2017-12-29T06:15+07:00"}),
    # a print version's head: `Bản in`, the page's address, `In bài`
    ("Bản in\nhttps://baohoalam.vn/chinh-tri/hdnd-thong-qua-du-toan-136482.html\nIn bài\n\n"
     "HĐND tỉnh thông qua dự toán ngân sách năm 2020\nThứ Tư, 11/12/2019 - 16:42\n\n(BHL) - Chiều 10/12, kỳ họp thứ 11 HĐND tỉnh đã biểu quyết. Nội dung dài, kết thúc.\n",
     {"title": "HĐND tỉnh thông qua dự toán ngân sách năm 2020", "published": "2019-12-11T16:42+07:00"}),
    # a page scraped onto one line: the headline is the words before the lead's day, the byline after the last stop
    ("Hòa Lâm: Xử lý nghiêm đảng viên suy thoái tư tưởng chính trị, đạo đức, lối sống Ngày 28/11, Tỉnh ủy Hòa Lâm tổ chức hội nghị sơ kết 1 năm thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng. Ngày 28/11, Tỉnh ủy Hòa Lâm tổ chức hội nghị sơ kết 1 năm thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng. Ngày 28/11, Tỉnh ủy Hòa Lâm tổ chức hội nghị sơ kết 1 năm thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng. Ngày 28/11, Tỉnh ủy Hòa Lâm tổ chức hội nghị sơ kết 1 năm thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng. Ngày 28/11, Tỉnh ủy Hòa Lâm tổ chức hội nghị sơ kết 1 năm thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng. Ngày 28/11, Tỉnh ủy Hòa Lâm tổ chức hội nghị sơ kết 1 năm thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng. Bích Ngọc (TTXVN)\n",
     {"title": "Hòa Lâm: Xử lý nghiêm đảng viên suy thoái tư tưởng chính trị, đạo đức, lối sống", "author": "Bích Ngọc", "outlet": "TTXVN"}),
    # a byline under the stamp with the body the author writes for
    ("Sở Y tế Hòa Lâm\nTrang chủ / Tin tức - Sự kiện / Y tế cơ sở\n\nHoàn thành chiến dịch tiêm vắc xin sởi - rubella\n"
     "Thứ Tư, 09/04/2025 - 16:40  | Lượt xem: 1.027\nLê Hoà - TTYT Quảng Xương\n\nSau hơn 3 tuần triển khai, chiến dịch tiêm bổ sung vắc xin sởi - rubella cho trẻ em trên địa bàn huyện đã hoàn thành, "
     "với hơn mười nghìn trẻ được tiêm, tỷ lệ tiêm chủng đạt cao nhất từ trước đến nay theo báo cáo của trung tâm. Nội dung dài, kết thúc.\n",
     {"author": "Lê Hòa", "views": 1027}),
    # a photo's caption under the byline is no closing line
    ("Người phát ngôn trả lời phóng viên\nThứ Năm, 21/04/2016 | 17:32\n\nChiều nay (21/4), tại cuộc họp báo thường kỳ, bà Hoa trả lời.\n\n"
     "Thu Hằng/VOV.VN\n\nNgười phát ngôn Bộ Ngoại giao tại cuộc họp báo chiều 21/4. (Ảnh: Bộ Ngoại giao)\n", {"author": "Thu Hằng"}),
    # an English-language page's stamp, and an e-mail newsletter's header
    ("Trang chủ / Bóng đá\n\nĐội nữ Hà Nam vô địch Cúp Quốc gia\nPosted: 21:40 GMT+7, Thursday, October 17, 2019 | By Quang Minh\n\n"
     "Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n", {"published": "2019-10-17T21:40+07:00", "author": "Quang Minh"}),
    ("From: Ban tin Suc khoe <bantin@example.vn>\nTo: doc-gia@example.com\nDate: Thu, 14 Jul 2022 06:00:00 +0700\n"
     "Subject: [Bản tin số 27/2022] Sốt xuất huyết tăng mạnh ở Bình Dương\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"published": "2022-07-14T06:00+07:00", "title": "Sốt xuất huyết tăng mạnh ở Bình Dương"}),
    # a view count written after the number; a byline under `Tin, ảnh:`; a list of the newest articles and a
    # footer after the byline (the footer's lines glued into one are no paragraph of the body)
    ("Quý I/2023: Tai nạn giao thông giảm cả 3 tiêu chí\n09:15 - 12/04/2023   |   👁 2.089 lượt xem\nTin, ảnh: Vũ Khánh Linh\n\n"
     "Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n", {"views": 2089, "author": "Vũ Khánh Linh"}),
    ("Xuống giống vụ Đông Xuân sớm để né hạn, mặn\nNgày đăng: 22/10/2020 - 15:47\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nPV\n"
     "In trang   Gửi email   Về đầu trang\n\nTin mới nhất\n• Hội nghị trực tuyến phòng, chống bão số 8 (25/10/2020)\n"
     "Địa chỉ: Số 2 Ngọc Hà, Ba Đình, Hà Nội. Điện thoại: 024.3846.8160 - Email: webmaster@mard.gov.vn Ghi rõ nguồn khi phát hành lại thông tin "
     "từ website này, xin cảm ơn quý bạn đọc đã theo dõi và ủng hộ chúng tôi trong suốt thời gian qua.\n",
     {"author": "PV"}),
    # an aggregator's page: the source and its stamp credited under the byline; the comments after a related list
    ("Mù Cang Chải khánh thành điểm trường vùng cao\nBáo Yên Bái • 1 giờ trước\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\n"
     "Hồng Duyên\n\nNguồn: Báo Yên Bái   ·   06/09/2021 10:25   ·   Xem bài gốc ›\n\nTin khác cùng chủ đề\n"
     "Lục Yên bàn giao 8 phòng học · VOV · hôm qua\n\nBình luận\nBạn cần đăng nhập để bình luận.\n",
     {"author": "Hồng Duyên", "outlet": "Báo Yên Bái", "published": "2021-09-06T10:25+07:00"}),
    # a relative stamp under the headline stays its own line; `<headline> - <any site's name>` over the headline
    ("Triệt phá đường dây vận chuyển ma túy từ biên giới về tỉnh\nhôm qua lúc 14:30\n\nNgày 20/11, Công an tỉnh cho biết. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"title": "Triệt phá đường dây vận chuyển ma túy từ biên giới về tỉnh"}),
    ("Nghệ An công bố phương án tuyển sinh vào lớp 10 - Sở Giáo dục và Đào tạo Nghệ An\nSỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN\n"
     "Nghệ An công bố phương án tuyển sinh vào lớp 10\nNgày đăng: 06/03/2026 08:05\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"title": "Nghệ An công bố phương án tuyển sinh vào lớp 10"}),
    # a section line of eight words over a longer headline
    ("Hoạt động của lãnh đạo Đảng, Nhà nước\nViệt Nam - Phần Lan nhất trí nâng kim ngạch thương mại lên 1 tỷ USD\n24/09/2019 21:47\n"
     "(Chinhphu.vn) - Chiều 24/9, Thủ tướng hội đàm. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"title": "Việt Nam - Phần Lan nhất trí nâng kim ngạch thương mại lên 1 tỷ USD"}),
    # a section line over a headline that ends with a quoted name
    ("Văn hóa - Xã hội\nXã đón nhận Bằng di sản văn hóa phi vật thể quốc gia \"Nghề dệt thổ cẩm\"\nThứ ba, 03/05/2022 - 18:20\n\n"
     "Sáng 3/5, xã tổ chức lễ đón nhận. Nội dung dài của bài báo, kết thúc bằng dấu chấm.\n",
     {"title": "Xã đón nhận Bằng di sản văn hóa phi vật thể quốc gia \"Nghề dệt thổ cẩm\"", "category": "Văn hóa - Xã hội"}),
    # an office or a desk alone on the last line signs the article; the editors do not
    ("Sở tổng kết công tác việc làm\n05/05/2024\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nVăn phòng Sở\n",
     {"author": "Văn phòng Sở"}),
    ("Huyện triển khai nghị quyết\n05/05/2024\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nVăn phòng HĐND và UBND huyện\n",
     {"author": "Văn phòng HĐND và UBND huyện"}),
    ("Chính phủ họp phiên thường kỳ\n05/05/2024\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nNhóm PV Thời sự\n",
     {"author": "Nhóm PV Thời sự"}),
    ("Đính chính thông tin\n05/05/2024\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nBan Biên tập\n",
     {"author": None}),
    ("Huyện họp bàn kế hoạch\n05/05/2024\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nBan chỉ đạo đã thống nhất các nội dung trên.\n",
     {"author": None}),
    # the office after the byline's name; the view count beside a stamp under the article;
    # the editors signing a correction are no author
    ("Huyện tiếp công dân định kỳ\n05/05/2023\n\nNội dung dài của bài báo, kết thúc bằng dấu chấm.\n\nThu Hằng - VP HĐND&UBND huyện\n\n"
     "Tin liên quan:\n[12/05/2023] Huyện đối thoại với hộ dân vùng dự án\n",
     {"author": "Thu Hằng"}),
    ("Thông báo kết luận của Ban Thường vụ\n\nNội dung thông báo dài, kết thúc bằng dấu chấm.\n\nNgày đăng: 22/08/2016 | Lượt xem: 415\n",
     {"views": 415, "published": "2016-08-22"}),
    ("Đính chính\n15/01/2026\n\nBáo chân thành xin lỗi bạn đọc về sai sót nêu trên.\n\nBAN BIÊN TẬP\n",
     {"author": None}),
    # a name alone under the headline's stamp, over the body
    ("NHỊP SỐNG KINH DOANH\n\nVốn đầu tư tăng mạnh trong quý đầu năm\nThứ Năm, 04/04/2024 - 19:30\n\nThanh Nga\n\n"
     "Theo số liệu vừa được công bố, vốn đầu tư nước ngoài đăng ký vào Việt Nam trong quý I tăng mạnh so với cùng kỳ năm trước, "
     "nhiều dự án lớn đã được cấp phép ở các địa phương phía Bắc và phía Nam, tập trung vào công nghiệp chế biến, chế tạo.",
     {"author": "Thanh Nga", "published": "2024-04-04T19:30+07:00"}),
    # the header glued onto the first paragraph: its stamp still dates the article
    ("Huyện giảm gần 7% hộ nghèo sau một năm\n22/12/2022 14:05 Trang chủ / Xã hội (KTO) - Chiều 21/12, Huyện uỷ tổ chức hội nghị tổng kết. " + "Nội dung dài của bài viết, nhiều câu. " * 5,
     {"published": "2022-12-22T14:05+07:00"}),
    # the poster named in the stamp line, by label or alone after the stamp; a site's admin is no author
    ("Báo cáo kết quả 6 tháng đầu năm\nNgày đăng: 30/06/2021 | Người đăng: Thu Hà\n\nNội dung báo cáo dài.",
     {"author": "Thu Hà", "published": "2021-06-30"}),
    ("Tuyển dụng viên chức năm 2026\nThứ Sáu, 26/12/2025 - 10:05 | Minh Hoàng\n\nNội dung thông báo dài.",
     {"author": "Minh Hoàng"}),
    ("Kế hoạch tổ chức Ngày hội\nNgày đăng: 02/10/2023 | Người đăng: Quản trị viên\n\nNội dung kế hoạch dài.",
     {"author": None}),
    ("Kế hoạch xây dựng nông thôn mới\nNgày đăng: 10/06/2024 | Người đăng: Văn phòng - Thống kê | Lượt xem: 96\n\nNội dung kế hoạch dài.",
     {"author": None, "views": 96}),
    # a headline over the breadcrumb is no site's name
    ("Huyện Tân An: Hơn 98% ý kiến tán thành dự thảo sửa đổi, bổ sung Hiến pháp\nTin tức - Sự kiện / Mặt trận - Đoàn thể\n\nNgày 9/6, Ban Thường trực Ủy ban MTTQ huyện tổ chức hội nghị.",
     {"title": "Huyện Tân An: Hơn 98% ý kiến tán thành dự thảo sửa đổi, bổ sung Hiến pháp"}),
    # the reporter's name under a signature block's signatory is the byline
    ("Thông báo khẩn\n05/10/2020\n\nNội dung thông báo dài.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC\n\nLê Đức Thành\n\nHoàng Luỹ\n\nTin liên quan:\n» Dự báo mưa lớn ở miền Trung (05/10/2020)\n",
     {"author": "Hoàng Lũy"}),
    # a menu scraped as items apart by runs of spaces is no headline
    ("BÁO HÒA LÂM ĐIỆN TỬ\nThời sự   Chính trị   Kinh tế   Xã hội   Pháp luật   Thể thao\nChính trị\n\nPhó Thủ tướng làm việc với tỉnh về các dự án giao thông trọng điểm\nThứ Bảy, 03/05/2025 - 21:10\n(Baohoalam.vn) - Sáng 3/5, đoàn công tác làm việc với tỉnh.",
     {"title": "Phó Thủ tướng làm việc với tỉnh về các dự án giao thông trọng điểm"}),
    # a site's date line over the headline, then the article's own stamp of that day with its time
    ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN TÂN AN\nThứ Năm, ngày 05/05/2022\nTrang chủ   Giới thiệu   Tin tức\n\nKhai mạc Đại hội Thể dục thể thao huyện\nNgày đăng: 05/05/2022 16:20   |   Lượt xem: 512\n\nSáng 3/5, huyện khai mạc đại hội.",
     {"title": "Khai mạc Đại hội Thể dục thể thao huyện", "published": "2022-05-05T16:20+07:00", "views": 512}),
    # a stamp with the time first and a weekday before the date, above the headline
    ("Kinh tế › Nông nghiệp - Nông thôn\nCập nhật lúc 10:15, Thứ Hai, 22/01/2024\n\nXã Tân Lạc đón nhận Bằng công nhận\n\nSáng 21/1, UBND xã tổ chức lễ.",
     {"title": "Xã Tân Lạc đón nhận Bằng công nhận", "published": "2024-01-22T10:15+07:00"}),
    # a signature block with `(Đã ký)` closes a document: its signatory is no byline
    ("Thông báo lịch tiếp dân\n05/03/2024\n\nNội dung thông báo dài.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nNguyễn Thị Hồng Vân\n",
     {"author": None}),
    # a section name of six words with commas, then the headline
    ("CỔNG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH\nPhòng, chống tham nhũng, tiêu cực\n"
     "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh họp phiên thường kỳ quý III/2023\n"
     "Cập nhật: 16:10, 12/10/2023\nNội dung bài viết dài, kết thúc bằng dấu chấm.\n",
     {"title": "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh họp phiên thường kỳ quý III/2023",
      "category": "Phòng, chống tham nhũng, tiêu cực"}),
    # a stamp and a view count between the section and the headline
    ("PHÁP LUẬT\nCập nhật lúc 16:10, 22/11/2018\nLượt xem: 1.532\n"
     "Tòa phúc thẩm giảm án cho cựu Phó Chủ tịch UBND thành phố\n(BKH) - Ngày 21-11, tòa mở phiên phúc thẩm.\n",
     {"title": "Tòa phúc thẩm giảm án cho cựu Phó Chủ tịch UBND thành phố", "category": "PHÁP LUẬT", "views": 1532}),
    ("TIN TỨC SỰ KIỆN\nTiêu đề bài viết\nNgày đăng 03/07/2024 | 10:35 | Lượt xem: 1.238\n\nNội dung bài.\n\nThanh Hải",
     {"category": "TIN TỨC SỰ KIỆN", "title": "Tiêu đề bài viết", "published": "2024-07-03T10:35+07:00",
      "views": 1238, "author": "Thanh Hải"}),
    ("Tổng đài: 0243 8356 700 | Email: a@b.vn\n\nTiêu đề\n08/11/2021 21:21\n(HanoiTV) - Nội dung bài viết dài.\n",
     {"title": "Tiêu đề", "published": "2021-11-08T21:21+07:00", "outlet": "HanoiTV", "author": None}),
    ("# doc_id = x\n# date = 20210423\nCâu đầu tiên của bài.\nCâu thứ hai.\nTrung Thi\n",
     {"title": None, "published": "2021-04-23", "author": "Trung Thi"}),
    ("Tiêu đề\nNội dung dài của bài báo, kết thúc bằng dấu chấm. ANH PHƯƠNG ",
     {"title": "Tiêu đề", "author": "Anh Phương"}),
    ("Tiêu đề\nNội dung dài của bài báo, kết thúc bằng dấu chấm. Trần Tĩnh (TTXVN) ",
     {"author": "Trần Tĩnh"}),
    ("Tiêu đề\nNội dung bài báo kết thúc ở đây./. ",
     {"author": None}),
    ("Tiêu đề\nNội dung.\n\nTừ khóa: Nam Từ LiêmVượt chỉ tiêu 2021An sinh xã hội",
     {"keywords": ["Nam Từ Liêm", "Vượt chỉ tiêu 2021", "An sinh xã hội"]}),
    ("Tiêu đề\nThứ Hai, 12/7/2021 08:15 (GMT+7)\nNội dung bài.",
     {"published": "2021-07-12T08:15+07:00"}),
    # a stamp in the second field of a header line, after a views counter
    ("Tiêu đề bài\nLượt xem: 96 | 17-02-2023\n\nNội dung bài viết.\n\nHồng Nhung",
     {"published": "2023-02-17", "views": 96, "author": "Hồng Nhung"}),
    # time first, after a label, with the outlet in parentheses before it
    ("Tiêu đề bài\n(Báo Nông nghiệp) Cập nhật lúc 14:05 ngày 02/10/2022\n\nNội dung bài viết.",
     {"published": "2022-10-02T14:05+07:00"}),
    # the author named by label in the stamp line, no closing byline
    ("Tiêu đề bài\nĐăng ngày: 21/03/2024 | Tác giả: Đinh Khánh Vy\n\nNội dung bài viết dài, có dấu chấm.",
     {"published": "2024-03-21", "author": "Đinh Khánh Vy"}),
    # two authors joined by a dash
    ("Tiêu đề bài\n05/05/2024\n\nNội dung bài viết.\n\nHà An - Bảo Ngọc",
     {"author": "Hà An - Bảo Ngọc"}),
    # an agency's capitals opening the lead paragraph
    ("Tiêu đề bài\n05/05/2024\nTTXVN - Sáng nay, hội nghị khai mạc tại thủ đô với nhiều đại biểu.",
     {"outlet": "TTXVN", "title": "Tiêu đề bài"}),
    ("Tiêu đề bài\n05/05/2024\nVOV.VN - Chiều nay, hội nghị bế mạc sau hai ngày làm việc khẩn trương.",
     {"outlet": "VOV.VN"}),
    # breadcrumbs and section lines above the headline are not the title
    ("Trang chủ / Tin tức / Xã hội\n\nNgười dân phường Đông Thành hiến đất mở rộng đường\n03/05/2024\nNội dung bài viết.",
     {"title": "Người dân phường Đông Thành hiến đất mở rộng đường", "published": "2024-05-03"}),
    ("Văn hóa › Di sản\nLễ hội đền Kiếp Bạc thu hút hàng nghìn du khách\nNội dung bài viết.",
     {"title": "Lễ hội đền Kiếp Bạc thu hút hàng nghìn du khách"}),
    ("Quốc phòng an ninh\n\nHuyện Tân Lạc tổ chức diễn tập khu vực phòng thủ năm 2024\nNội dung bài viết.",
     {"title": "Huyện Tân Lạc tổ chức diễn tập khu vực phòng thủ năm 2024"}),
    # a contact line above the headline is chrome; a three-word outlet in brackets; a stamp in words
    ("Địa chỉ: Khu 3, xã Thanh Hà | Điện thoại: 0210 3856 247 | Email: ubnd@phutho.gov.vn\n\n"
     "Xã Thanh Hà sau 100 ngày vận hành chính quyền hai cấp\nNội dung bài viết.",
     {"title": "Xã Thanh Hà sau 100 ngày vận hành chính quyền hai cấp"}),
    ("Tiêu đề bài viết dài\nThứ Năm, 18/9/2025 - 07:05 (GMT+7)\n\n(Đô thị Việt) - Đến hết tháng 8/2025, cả nước hoàn thành.",
     {"outlet": "Đô thị Việt", "published": "2025-09-18T07:05+07:00"}),
    ("Vụ lúa Hè Thu 2025: năng suất ổn định\nNgày 22 tháng 8 năm 2025\n\nNội dung bài viết.",
     {"published": "2025-08-22", "title": "Vụ lúa Hè Thu 2025: năng suất ổn định"}),
    # a section line of short parts joined by a dash; a headline with a dash stays the title
    ("Đà Nẵng - Tin địa phương\n\nCử tri phường Hoà Khánh Bắc kiến nghị sớm giải quyết ngập úng\nNội dung bài viết.",
     {"title": "Cử tri phường Hòa Khánh Bắc kiến nghị sớm giải quyết ngập úng"}),
    ("Tin hoạt động - Sở, ban, ngành\n\nCục Thuế tỉnh: Thu ngân sách năm 2024 vượt dự toán\nNội dung bài viết.",
     {"title": "Cục Thuế tỉnh: Thu ngân sách năm 2024 vượt dự toán"}),
    ("Hà Nội - Hải Phòng: khởi công tuyến đường sắt tốc độ cao\n\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.",
     {"title": "Hà Nội - Hải Phòng: khởi công tuyến đường sắt tốc độ cao"}),
    # the outlet marker in front of the headline
    ("(VTC) - Nhiều tuyến phố ngập sâu sau trận mưa lớn chiều qua\n\n12/09/2024 18:40\n\nNội dung bài viết.",
     {"title": "Nhiều tuyến phố ngập sâu sau trận mưa lớn chiều qua", "outlet": "VTC"}),
    # an outlet in brackets with no dash before the lead
    ("Tiêu đề bài viết dài\n05/05/2024\n(VOV) Sáng nay, hội nghị khai mạc tại thủ đô với nhiều đại biểu.",
     {"outlet": "VOV"}),
    # an outlet whose name carries a plus sign, and the same agency after the byline
    ("Tiêu đề bài viết dài\n06/10/2025 11:20\n(Vietnam+) - Theo Cục Thống kê, GDP tăng.\nPhương Linh (Vietnam+)",
     {"outlet": "Vietnam+", "author": "Phương Linh"}),
    # a five-word section line above the headline; the byline above a closing `Lượt xem:` line,
    # its unit's name holding a comma
    ("Xây dựng nông thôn mới\nHuyện Cẩm Khê: Hoàn thành 24/24 xã đạt chuẩn nông thôn mới\n"
     "Cập nhật lúc: 08:40 - 18/04/2025\nSáng 17/4, hội nghị diễn ra.\n"
     "Hồng Nhung - Trung tâm VH, TT&TT huyện\nLượt xem: 1.587",
     {"title": "Huyện Cẩm Khê: Hoàn thành 24/24 xã đạt chuẩn nông thôn mới", "category": "Xây dựng nông thôn mới",
      "author": "Hồng Nhung", "views": 1587}),
    # a portal's name with capitals on its own line is no headline
    ("Cổng Thông tin điện tử Thành phố Hà Nội\nKinh tế Thủ đô quý I/2026 tăng trưởng 8,42%\n05/04/2026 10:00\n"
     "Sáng 4/4, UBND thành phố họp.",
     {"title": "Kinh tế Thủ đô quý I/2026 tăng trưởng 8,42%"}),
    # a scraped page: menu, portal name in capitals, breadcrumb, the headline in capitals,
    # a twelve-hour stamp; below the article a byline with its unit, then a list of other
    # articles and the site's footer
    ("Giới thiệu | Tin tức - Sự kiện | Chính quyền | Liên hệ\nCỔNG THÔNG TIN ĐIỆN TỬ QUẬN HÀ ĐÔNG\n"
     "Trang chủ > Tin tức > Giáo dục\nHÀ ĐÔNG TỔNG KẾT NĂM HỌC 2023-2024\n31/05/2024 04:40:12 CH\n"
     "Chiều 30/5, UBND quận tổ chức hội nghị tổng kết năm học.\nThu Hiền - Công an huyện Đông Anh\n"
     "Tin liên quan:\n- Hà Đông: 18 trường tổ chức lễ ra trường\n- Hội nghị giao ban tháng 5\n"
     "Bản quyền thuộc về UBND quận Hà Đông\nĐịa chỉ: Số 4 Quang Trung",
     {"title": "HÀ ĐÔNG TỔNG KẾT NĂM HỌC 2023-2024", "published": "2024-05-31T16:40+07:00",
      "author": "Thu Hiền"}),
    # the page's own date on top is no stamp; the article's stamp and its author come after it
    ("Hôm nay: Thứ Sáu, 10/04/2026 | Đăng nhập | English\nĐẢNG BỘ TỈNH LÀO CAI\n"
     "Trang chủ › Tin tức › Hoạt động của Tỉnh ủy\nHội nghị BCH Đảng bộ tỉnh lần thứ 5 bàn nhiệm vụ quý II\n"
     "Ngày 8/4, BCH Đảng bộ tỉnh tổ chức Hội nghị lần thứ 5.\nNgày đăng: 09/04/2026 07:30\nTác giả: Văn Long\n"
     "Nguồn: Báo Lào Cai\nÝ kiến bạn đọc (0)",
     {"title": "Hội nghị BCH Đảng bộ tỉnh lần thứ 5 bàn nhiệm vụ quý II", "published": "2026-04-09T07:30+07:00",
      "author": "Văn Long"}),
    # a headline in capitals that opens with a body's name is the headline, not a masthead
    ("SỞ Y TẾ HÀ NỘI TRIỂN KHAI CHIẾN DỊCH TIÊM CHỦNG\n12/05/2025 08:15\nSáng 12/5, Sở Y tế tổ chức lễ phát động.",
     {"title": "SỞ Y TẾ HÀ NỘI TRIỂN KHAI CHIẾN DỊCH TIÊM CHỦNG"}),
    # bylines with a label
    ("Tiêu đề bài\n05/05/2024\n\nNội dung bài viết.\n\nTin, ảnh: Đào Quỳnh", {"author": "Đào Quỳnh"}),
    ("Tiêu đề bài\n05/05/2024\n\nNội dung bài viết.\n\nBài và ảnh: Lò Văn Sinh", {"author": "Lò Văn Sinh"}),
    ("Trang chủ » Tin tức » Tin trong huyện\nHuyện Mỹ Lộc ra quân làm đường giao thông nông thôn\nNội dung bài viết.",
     {"title": "Huyện Mỹ Lộc ra quân làm đường giao thông nông thôn"}),
    ("Văn hóa - Xã hội\nCập nhật: 08:30, 02/03/2024\n\nPhường Cát Linh tổ chức ngày hội đọc sách cho thiếu nhi\nNội dung.",
     {"title": "Phường Cát Linh tổ chức ngày hội đọc sách cho thiếu nhi", "published": "2024-03-02T08:30+07:00"}),
    # a headline only in capitals is the title; a lead paragraph never is
    ("HUYỆN ỦY TÂN YÊN SƠ KẾT CÔNG TÁC QUÝ I\n\n05/04/2024\n\nSáng 4/4, Huyện ủy Tân Yên tổ chức hội nghị sơ kết công tác quý I.\n",
     {"title": "HUYỆN ỦY TÂN YÊN SƠ KẾT CÔNG TÁC QUÝ I", "category": None}),
    # a byline with a label and an agency after the name
    ("Tiêu đề bài\n05/05/2024\n\nNội dung bài viết.\n\nTin: Hoàng Thu - Đài TT huyện", {"author": "Hoàng Thu"}),
    ("Tiêu đề bài\n05/05/2024\n\nNội dung bài viết.\n\nĐức Tuân - VGP", {"author": "Đức Tuân"}),
    ("Tiêu đề bài\n05/05/2024\n\nNội dung bài viết.\n\nMai Lan - VHTT huyện", {"author": "Mai Lan"}),
    ("Tiêu đề bài\n05/05/2024\n\nNội dung bài viết.\n\nQuốc Bảo - BBT phường", {"author": "Quốc Bảo"}),
    # the writer's office in brackets after the name
    ("Tiêu đề bài\n05/05/2024\n\nNội dung bài viết.\n\nMinh Hà (Văn phòng HĐND-UBND phường)", {"author": "Minh Hà"}),
    ("Tiêu đề bài\n05/05/2024\n\nNội dung bài viết.\n\nThu Hằng (Văn phòng Điều phối NTM tỉnh)", {"author": "Thu Hằng"}),
    # the site's name above the headline is no title
    ("Báo Đồng Nai điện tử\nKinh tế\nTỉnh khởi công cầu vượt sông Đồng Nai\nThứ Hai, 2/9/2024 | 08:00\n\nNội dung bài viết.",
     {"title": "Tỉnh khởi công cầu vượt sông Đồng Nai"}),
    ("Cổng thông tin điện tử huyện Gia Lâm\nHuyện Gia Lâm ra quân làm sạch môi trường\n05/05/2024\n\nNội dung bài viết.",
     {"title": "Huyện Gia Lâm ra quân làm sạch môi trường"}),
    # a headline that starts with the word `Báo` is still the title
    ("Báo động cháy rừng\n05/05/2024\n\nNội dung bài viết dài hơn một chút.", {"title": "Báo động cháy rừng"}),
    ("Báo Sức khỏe Miền Nam\nBệnh viện tỉnh khai trương khoa mới\n05/05/2024\n\nNội dung bài viết.",
     {"title": "Bệnh viện tỉnh khai trương khoa mới"}),
    # the outlet after the dateline's place, and an agency's capitals closed by a full stop
    ("Tiêu đề bài viết dài\n16/11/2024 08:35\nLima (TTXVN) - Sáng 15/11 (giờ địa phương), hội nghị khai mạc.",
     {"outlet": "TTXVN"}),
    ("Tiêu đề bài viết dài\n16/11/2024 08:35\nTP.HCM (VOV) – Chiều nay, thành phố tổ chức hội nghị.",
     {"outlet": "VOV"}),
    ("Tiêu đề bài viết dài\n22/09/2023 10:15\nTGVN. Tối 21/9 (giờ địa phương), tại thủ đô Tokyo, lễ kỷ niệm diễn ra.",
     {"outlet": "TGVN"}),
    # a byline on its own line between the headline and the stamp; a dateline's place is none
    ("Thời sự › Chính trị\nĐại hội Đoàn tỉnh: anh Tâm tái đắc cử Bí thư Tỉnh đoàn\nMINH KHANG\n"
     "22/06/2022 17:30 GMT+7\n\nNgày 22.6, đại hội bế mạc.",
     {"author": "Minh Khang", "title": "Đại hội Đoàn tỉnh: anh Tâm tái đắc cử Bí thư Tỉnh đoàn"}),
    ("Tin tức\nĐại hội Đoàn tỉnh: anh Tâm tái đắc cử Bí thư Tỉnh đoàn\nĐà Nẵng\n22/06/2022 17:30\n\nNgày 22.6, đại hội bế mạc.",
     {"author": None}),
    # a byline with a forest-protection unit; a contact line under the byline is chrome
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n\nNgọc Lan - Hạt Kiểm lâm Mường Tè",
     {"author": "Ngọc Lan"}),
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n\nThu Hà - Hội LHPN huyện\n"
     "Trung tâm Văn hóa, Thông tin và Thể thao huyện - ĐT: 0204 3884 123",
     {"author": "Thu Hà"}),
    # a long closing line that is a byline with its unit; an outlet after a slash in lower case;
    # two authors joined by an en dash, one name with `H’`; the agency a story is taken from
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n"
     "Văn Tâm - Trung tâm Văn hóa, Thể thao và Truyền thông huyện Bảo Lâm", {"author": "Văn Tâm"}),
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm. Bảo Ngọc/Đại đoàn kết", {"author": "Bảo Ngọc"}),
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n\nH’Xuân – Thanh Hường",
     {"author": "H'Xuân - Thanh Hường"}),
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\nTheo TTXVN", {"author": "TTXVN"}),
    # a byline with a photographer's credit after it
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n\nTin: Minh Khoa - Ảnh: Hữu Tài\n"
     "Các tin khác\n- Thường trực HĐND thành phố giám sát (22/6/2022)", {"author": "Minh Khoa"}),
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n\n"
     "Tin, ảnh: Thu Trang - Trung tâm Văn hóa, Thông tin và Thể thao huyện\n\nTin khác:\n- Hội nghị giao ban (08/03/2023)",
     {"author": "Thu Trang"}),
    # a byline whose unit is an abbreviation and a place (`BVĐK Kim Sơn`)
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n\nLê Thu Hà - BVĐK Yên Khánh", {"author": "Lê Thu Hà"}),
    # a paragraph opening with a word of the site's chrome (`Chia sẻ`) is body, not chrome
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n\nChia sẻ tại hội nghị, ông Hà Văn Tiến, "
     "Chủ tịch UBND xã cho biết xã rộng hơn 310 km2, thôn xa nhất cách trung tâm xã gần 50 km.\n\nMinh Anh",
     {"author": "Minh Anh", "boilerplate": [[17, 27]]}),  # the stamp line only
    # a stamp in words with a comma before the year, and its time after a bar
    ("Bệnh viện tỉnh quá tải kéo dài\n22 tháng 5, 2018 | 17:42\n\nNội dung bài viết dài, có dấu chấm.",
     {"published": "2018-05-22T17:42+07:00"}),
    # a site's slogan over its breadcrumb, a ticker over the headline: neither is the title
    ("TinNhanh24h - Đọc báo, tin tức tổng hợp 24 giờ\nTrang chủ › Kinh tế › Đầu tư\n"
     "Bắc Ninh: 6 tháng đầu năm thu hút hơn 1,25 tỷ USD vốn FDI\n14/07/2016 09:12\n\nNội dung bài viết dài, có dấu chấm.",
     {"title": "Bắc Ninh: 6 tháng đầu năm thu hút hơn 1,25 tỷ USD vốn FDI"}),
    ("BÁO AN GIANG ĐIỆN TỬ\nGiá vàng SJC hôm nay 15/10: 84,5 triệu đồng/lượng | USD/VND: 25.130\n"
     "An Giang: Xuất khẩu gạo 9 tháng tăng mạnh\n15.10.2024 | 16:20\n\nNội dung bài viết dài, có dấu chấm.",
     {"title": "An Giang: Xuất khẩu gạo 9 tháng tăng mạnh", "published": "2024-10-15T16:20+07:00"}),
    # a site's name over its breadcrumb is no headline
    ("Giáo dục & Thời đại\nGiáo dục › Học đường\nBắc Ninh: Gần 99% học sinh tham gia BHYT\nThứ Năm, 19/09/2019 07:30\n\n"
     "(GD&TĐ) - Năm học 2018-2019, tỷ lệ học sinh tham gia bảo hiểm y tế đạt 98,9%.",
     {"title": "Bắc Ninh: Gần 99% học sinh tham gia BHYT", "category": "Giáo dục › Học đường"}),
    # a signature block closing a document names its signatory, no byline
    ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\n"
     "PHÓ CHỦ NHIỆM\nNông Thị Mai", {"author": None}),
    # an abbreviation with its full stop opening the headline is no outlet
    ("TP. Huế: Kinh tế 9 tháng đầu năm tăng trưởng khá\n02/10/2025 15:30\n\nNội dung bài viết dài.",
     {"outlet": None, "title": "TP. Huế: Kinh tế 9 tháng đầu năm tăng trưởng khá"}),
    ("Tiêu đề bài viết dài\n05/05/2024\nPGS. Trần Văn An cho biết hội thảo đã thành công.",
     {"outlet": None}),
    # capitalised words before a bracket with no dash are no dateline
    ("Tiêu đề bài viết dài\n05/05/2024\nỦy ban Nhân dân (UBND) tỉnh họp phiên thường kỳ.",
     {"outlet": None}),
    # a lead paragraph opening with a plain capitalised word is no outlet
    ("Tiêu đề bài\n05/05/2024\nSáng nay - theo kế hoạch - hội nghị khai mạc.",
     {"outlet": None}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_metadata(text, expected):
    article = extract(text).to_dict()["article"]
    for key, value in expected.items():
        assert article[key] == value, key


def test_body_only_mode_reads_no_metadata():
    article = extract("Tiêu đề\nNội dung.\nThanh Hải", detect_metadata=False).to_dict()["article"]
    assert article["title"] is None and article["author"] is None


def test_a_list_of_other_articles_inside_the_body_is_chrome_but_the_paragraphs_after_it_are_not():
    """… and the headlines it lists keep their figures: annotators give them, or leave them optional."""
    text = ("Tiêu đề bài viết\n05/05/2024\n\nĐoạn đầu của bài viết, có dấu chấm.\n\nTIN LIÊN QUAN\n"
            "• Giải ngân vốn đầu tư công 9 tháng đạt 61%\n\n"
            + "Ông Tuấn cho biết, 166/166 xã, phường đã được giao dự toán. " * 4 + "\n\nMinh Hiếu")
    record = extract(text).to_dict()
    chrome = {text[s:e] for s, e in record["article"]["boilerplate"]}
    assert {"TIN LIÊN QUAN", "• Giải ngân vốn đầu tư công 9 tháng đạt 61%"} <= chrome
    assert [n["text"] for n in record["numbers"]] == ["61%"] + ["166/166 xã"] * 4
    assert record["article"]["author"] == "Minh Hiếu"


def test_a_footer_list_keeps_its_headlines_figures_but_not_the_sites_chrome():
    text = ("Tiêu đề bài viết\n05/05/2024\n\nNội dung bài viết dài, có dấu chấm.\n\nMinh Anh\n\nTin liên quan:\n"
            "- Giải ngân vốn đầu tư công đạt 85,3% kế hoạch (30/11/2022)\n- Quận đối thoại với hộ kinh doanh (18/10/2022)\n"
            "Bản quyền thuộc về UBND quận, giấy phép số 25/GP-STTTT\nĐịa chỉ: Số 4 đường Quang Trung, 3 tầng")
    record = extract(text).to_dict()
    assert [n["text"] for n in record["numbers"]] == ["85,3%"]
