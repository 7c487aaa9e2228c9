// The generator's words: Chinese names, mobile phones, plates, drawn signatures,
// register columns and the short texts people type (complaints, answers, reasons).
//
// Tables are written here, weighted roughly like the real frequencies. Characters stay
// within GB2312 level 1, the common set the web font always carries.
#include <algorithm>
#include <array>

#include "generator_sim.hpp"

namespace bianmin::gen {
namespace {

struct Weighted {
    const char* text;
    int weight;
};

template <std::size_t N>
const char* pick_weighted(Random& rng, const std::array<Weighted, N>& table) {
    int total = 0;
    for (const auto& w : table) total += w.weight;
    int x = rng.below(total);
    for (const auto& w : table) {
        if (x < w.weight) return w.text;
        x -= w.weight;
    }
    return table[0].text;
}

// The most common surnames, weights ≈ share in tenths of a percent.
constexpr std::array<Weighted, 60> kSurnames = {{
    {"王", 72}, {"李", 72}, {"张", 69}, {"刘", 54}, {"陈", 46}, {"杨", 32}, {"黄", 25}, {"赵", 22},
    {"吴", 21}, {"周", 20}, {"徐", 17}, {"孙", 15}, {"马", 15}, {"朱", 14}, {"胡", 13}, {"郭", 12},
    {"何", 12}, {"高", 12}, {"林", 12}, {"罗", 11}, {"郑", 11}, {"梁", 10}, {"谢", 9},  {"宋", 8},
    {"唐", 8},  {"许", 7},  {"韩", 7},  {"冯", 7},  {"邓", 7},  {"曹", 7},  {"彭", 6},  {"曾", 6},
    {"肖", 6},  {"田", 6},  {"董", 5},  {"袁", 5},  {"潘", 5},  {"于", 5},  {"蒋", 5},  {"蔡", 5},
    {"余", 5},  {"杜", 5},  {"叶", 4},  {"程", 4},  {"苏", 4},  {"魏", 4},  {"吕", 4},  {"丁", 4},
    {"任", 4},  {"沈", 4},  {"姚", 3},  {"卢", 3},  {"姜", 3},  {"崔", 3},  {"钟", 3},  {"谭", 3},
    {"陆", 3},  {"汪", 3},  {"欧阳", 1}, {"司马", 1},
}};

constexpr std::array<const char*, 120> kGivenChars = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
    "秀", "英", "华", "慧", "建", "国", "志", "平", "红", "玉", "兰", "桂", "文", "辉", "力", "斌",
    "鹏", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "欣", "晨", "晶", "娟",
    "雪", "琳", "丹", "萍", "燕", "霞", "梅", "莉", "颖", "青", "佳", "嘉", "子", "松", "涵", "轩",
    "博", "铭", "诗", "雨", "思", "艺", "可", "心", "悦", "晓", "春", "海", "波", "峰", "刚", "飞",
    "毅", "成", "东", "新", "亮", "清", "正", "永", "宏", "德", "荣", "家", "天", "瑞", "昌", "瑶",
    "一", "然", "安", "泽", "晴", "彤", "若", "婉", "玲", "凤", "淑", "珍", "素", "云", "金", "福",
    "顺", "利", "富", "贵", "忠", "仁", "义", "礼",
};

constexpr std::array<const char*, 36> kMobilePrefixes = {
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
    "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180",
    "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199",
};

std::string digits(Random& rng, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += char('0' + rng.below(10));
    return out;
}

// One stroke of a pen: a wandering line with timestamps, in pad units 0..1000.
Stroke stroke(Random& rng, int x, int y, int points, int& t_ms) {
    Stroke s;
    for (int i = 0; i < points; ++i) {
        s.push_back(StrokePoint{std::int32_t(x), std::int32_t(y), std::int32_t(t_ms)});
        x = std::min(990, std::max(10, x + rng.between(-20, 45)));
        y = std::min(990, std::max(10, y + rng.between(-60, 60)));
        t_ms += rng.between(8, 24);
    }
    return s;
}

struct Phrases {
    std::string_view topic;
    std::array<const char*, 6> texts;
};

constexpr Phrases kPhrases[] = {
    {"complaint:barrel_water", {"送水超过承诺时间", "送水工没有换鞋套就进门", "水桶有异味", "电话预约后无人送水", "送错了楼栋", "空桶没有及时回收"}},
    {"complaint:bottled_water", {"送来的瓶装水临近保质期", "整箱水有破损", "送水时间太晚", "电话订水无人接听", "送水人员态度不好", "收费与价格表不符"}},
    {"complaint:housekeeping", {"家政人员迟到一小时", "厨房没有打扫干净", "打碎了一个杯子", "服务时间不足", "家政人员态度冷淡", "预约后临时取消"}},
    {"complaint:parking", {"车位被别人占用", "车位地面积水", "地库照明不足", "收费日期有疑问", "车位线不清楚", "夜间保安巡查太少"}},
    {"complaint:newspaper_agency", {"报纸经常漏送", "杂志送晚了一周", "报纸被雨淋湿", "订的报刊送错了", "投递时间不固定", "续订手续繁琐"}},
    {"complaint:other", {"窗口排队时间太长", "服务人员没有佩戴工牌", "电话没人接", "办事效率低", "收费说明不清楚", "工作人员推脱"}},
    {"answer", {"已向业主道歉并调整安排", "已批评教育当事员工", "已更换并补送", "已调整服务时间", "已当面解释收费标准", "已派专人跟进处理"}},
    {"problem", {"送水车在小区内刮蹭业主车辆", "家政人员在服务中受伤", "业主拒付已确认的服务费", "供水商断货三天", "电梯故障影响送水", "业主反映贵重物品丢失"}},
    {"decision", {"由保险公司理赔,向业主致歉", "按工伤处理,暂停该员工排班", "由管理处经理上门协商", "临时更换供水商", "调整送水时间避开高峰", "报派出所并配合调查"}},
    {"escalation", {"涉及赔偿,超出客服处理权限", "业主要求管理处经理出面", "金额较大,需总经理决定", "涉及合同纠纷", "影响多户业主", "需要公司层面协调"}},
    {"visit", {"服务及时,很满意", "送水工很礼貌", "希望增加送水时段", "价格可以接受", "总体满意", "家政服务细致"}},
    {"stop", {"家里装了净水器", "改为自己购买", "家人外出务工", "孩子出国读书", "经济原因", "不再需要这项服务"}},
    {"leave", {"家中有事", "身体不适,需要就医", "孩子开家长会", "回老家探亲", "参加亲戚婚礼", "办理个人证件"}},
    {"going_out", {"去银行存营业款", "到供水商处核对账目", "去街道办送材料", "外出采购办公用品", "到派出所办事", "为业主代办手续"}},
};

constexpr std::array<const char*, 9> kViolationNotes = {
    "",  // conduct items are 1..8
    "上班未穿工装、未戴工牌", "窗口台面杂乱", "上班时间玩手机游戏", "未经批准离岗",
    "业主来电推脱,未落实首问责任", "未在承诺时限内办结", "收受业主红包", "未按上级部门要求整改",
};

}  // namespace

//-----------------------------------------------------------------------------
// Names, phones, plates
//-----------------------------------------------------------------------------

std::string surname(Random& rng) { return pick_weighted(rng, kSurnames); }

std::string given_name(Random& rng) {
    std::string name = rng.pick(kGivenChars);
    if (rng.percent(75)) name += rng.pick(kGivenChars);
    return name;
}

std::string person_name(Random& rng) {
    std::string name = surname(rng);
    name += given_name(rng);
    return name;
}

std::string mobile_phone(Random& rng) {
    std::string phone = rng.pick(kMobilePrefixes);
    phone += digits(rng, 8);
    return phone;
}

std::string plate_number(Random& rng) {
    static constexpr const char* kLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";  // no I or O on plates
    std::string plate = "粤B";
    plate += kLetters[rng.below(24)];
    plate += digits(rng, 4);
    return plate;
}

//-----------------------------------------------------------------------------
// Signatures
//-----------------------------------------------------------------------------

Signature form_signature(Random& rng) {
    Signature sig;
    int t = 0;
    int strokes = rng.between(2, 4);
    for (int i = 0; i < strokes; ++i) {
        const int x = 80 + i * 260 + rng.below(60), y = rng.between(300, 650), points = rng.between(8, 16);
        sig.strokes.push_back(stroke(rng, x, y, points, t));
        t += rng.between(150, 400);  // the pen lifts between characters
    }
    return sig;
}

Signature quick_signature(Random& rng) {
    Signature sig;
    int t = 0;
    const int x = rng.between(100, 300), y = rng.between(350, 650), points = rng.between(5, 9);
    sig.strokes.push_back(stroke(rng, x, y, points, t));
    return sig;
}

//-----------------------------------------------------------------------------
// Register columns and phrases
//-----------------------------------------------------------------------------

std::string detail_value(Random& rng, std::string_view key, LocalDate today) {
    auto date_after = [&](int days) { return to_string(civil_from_days(days_from_civil(today) + days)); };
    if (key == "deal") return rng.percent(70) ? "出租" : "出售";
    if (key == "area") return std::to_string(rng.between(60, 260));
    if (key == "asking_price") return rng.percent(70) ? std::to_string(rng.between(30, 120) * 100) + "元/月" : std::to_string(rng.between(300, 1200)) + "万元";
    if (key == "provider") return rng.pick(std::array<const char*, 3>{"中国电信", "中国联通", "中国移动"});
    if (key == "bandwidth") return rng.pick(std::array<const char*, 3>{"300M", "500M", "1000M"});
    if (key == "account") return "ad" + digits(rng, 9);
    if (key == "advertiser") return rng.pick(std::array<const char*, 5>{"好又多超市", "新东方培训", "平安保险", "美佳装修公司", "健康药房"});
    if (key == "content") return rng.pick(std::array<const char*, 5>{"开业促销", "暑期招生", "家居装修优惠", "体检套餐", "二手房源"});
    if (key == "location") return std::to_string(rng.between(1, 12)) + "栋大堂宣传栏";
    if (key == "from") return date_after(rng.between(1, 5));
    if (key == "to") return date_after(rng.between(8, 35));
    if (key == "purpose") return rng.pick(std::array<const char*, 5>{"业主生日宴", "社区书画展", "儿童才艺表演", "健康义诊", "楼盘推介会"});
    if (key == "publication") return rng.pick(std::array<const char*, 5>{"羊城晚报", "南方都市报", "参考消息", "读者", "环球时报"});
    if (key == "copies") return std::to_string(rng.percent(85) ? 1 : 2);
    if (key == "period") return rng.percent(60) ? "全年" : "半年";
    if (key == "device") return rng.pick(std::array<const char*, 4>{"台式电脑", "笔记本电脑", "打印机", "路由器"});
    if (key == "fault") return rng.pick(std::array<const char*, 4>{"无法开机", "系统蓝屏", "上网很慢", "屏幕不亮"});
    if (key == "repairer") return rng.pick(std::array<const char*, 3>{"联想服务站", "华强北维修中心", "上门维修"});
    if (key == "space") {
        std::string space = rng.percent(50) ? "B1-" : "B2-";  // (built with +=: GCC 12 warns wrongly on "x" + temporary)
        space += digits(rng, 3);
        return space;
    }
    if (key == "plate") return plate_number(rng);
    if (key == "insurer") return rng.pick(std::array<const char*, 3>{"中国人保", "平安保险", "太平洋保险"});
    if (key == "policy") return rng.percent(60) ? "交强险+商业险" : "交强险";
    if (key == "service") return rng.pick(std::array<const char*, 3>{"装机", "移机", "改号"});
    if (key == "number") return "0755-" + digits(rng, 8);
    return "见登记表";
}

std::string phrase(Random& rng, std::string_view topic) {
    if (topic.rfind("violation:", 0) == 0) {
        int item = topic.back() - '0';
        return item >= 1 && item <= 8 ? kViolationNotes[std::size_t(item)] : "";
    }
    for (const auto& p : kPhrases)
        if (p.topic == topic) return rng.pick(p.texts);
    if (topic.rfind("complaint:", 0) == 0) return phrase(rng, "complaint:other");
    return "";
}

}  // namespace bianmin::gen
