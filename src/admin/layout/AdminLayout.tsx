import {
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Result, Space, Spin, Typography, theme } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api';
import { useLogout, useMe } from '../auth';
import { TodoBell } from '../features/todo/components/TodoBell';
import { selectedPath, visibleModules } from '../menu';
import { ADMIN_MODULES } from '../modules';
import { preloadPage } from '../pages';

const { Header, Sider, Content } = Layout;

export function PageFallback() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description="加载中…">
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
}

/** The authenticated shell: side menu filtered by permission, top bar, page content. */
/** A menu link starts loading its page's code when pointed at or focused, a few hundred ms before the click. */
const preloadOnIntent = (path: string) => ({
  onMouseEnter: () => preloadPage(path),
  onFocus: () => preloadPage(path),
});

export function AdminLayout() {
  const me = useMe();
  const location = useLocation();
  const logout = useLogout();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone (below md) the menu starts folded away and folds completely (width 0); the button opens it.
  const [narrow, setNarrow] = useState(false);
  const { token } = theme.useToken();

  const modules = useMemo(() => visibleModules(ADMIN_MODULES, me.data?.permissions ?? []), [me.data]);
  const items: MenuProps['items'] = useMemo(
    () =>
      modules.map((m) =>
        m.flat && m.pages.length === 1
          ? {
              key: m.pages[0]!.path,
              icon: m.icon,
              label: (
                <Link
                  to={m.pages[0]!.path}
                  data-testid={`menu-${m.key}`}
                  {...preloadOnIntent(m.pages[0]!.path)}
                >
                  {m.pages[0]!.label}
                </Link>
              ),
            }
          : {
              key: m.key,
              icon: m.icon,
              label: m.label,
              children: m.pages.map((p) => ({
                key: p.path,
                label: (
                  <Link
                    to={p.path}
                    data-testid={`menu-${p.path.slice(1).replaceAll('/', '-')}`}
                    {...preloadOnIntent(p.path)}
                  >
                    {p.label}
                  </Link>
                ),
              })),
            },
      ),
    [modules],
  );

  if (me.isPending) return <PageFallback />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.code === 'UNAUTHENTICATED') {
      const back = location.pathname === '/' ? '' : `?redirect=${encodeURIComponent(location.pathname)}`;
      return <Navigate to={`/login${back}`} replace />;
    }
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={me.error.message}
        extra={
          <Button type="primary" onClick={() => me.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  const user = me.data;
  if (user.mustChangePassword) return <Navigate to="/password" replace />;
  if (user.mustEnrollTotp) return <Navigate to="/two-step" replace />;

  const selected = selectedPath(modules, location.pathname);
  const openModule = modules.find((m) => m.pages.some((p) => p.path === selected))?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={220}
        theme="dark"
        breakpoint="md"
        collapsedWidth={narrow ? 0 : 80}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 16 : 17,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {collapsed ? '公开' : '政务公开管理平台'}
        </div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            // antd wraps every item in a Tooltip, also in the hidden copy of the whole menu rc-menu renders to
            // learn its key paths (some 50 Tooltips on the first render, ~50 ms of a cold load). Their titles only
            // show in the icon-only collapsed menu.
            tooltip={collapsed ? undefined : false}
            items={items}
            selectedKeys={selected ? [selected] : []}
            defaultOpenKeys={openModule ? [openModule] : modules.map((m) => m.key)}
            data-testid="side-menu"
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Button
            type="text"
            aria-label={collapsed ? '展开菜单' : '收起菜单'}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
          />
          <Space size={narrow ? 'small' : 'middle'}>
            <TodoBell />
            <Space size={4} data-testid="current-user">
              <UserOutlined />
              <Typography.Text strong data-testid="current-user-name">
                {user.name}
              </Typography.Text>
              {narrow ? null : (
                <Typography.Text type="secondary" data-testid="current-user-unit">
                  {user.unitName}
                </Typography.Text>
              )}
            </Space>
            {(
              [
                ['修改密码', <KeyOutlined />, 'change-password', () => navigate('/password')],
                ['两步验证', <SafetyOutlined />, 'two-step', () => navigate('/two-step')],
                ['退出登录', <LogoutOutlined />, 'logout', () => void logout()],
              ] as const
            ).map(([label, icon, testId, onClick]) => (
              // On a narrow screen the icon alone; the label stays the button's accessible name.
              <Button key={testId} icon={icon} onClick={onClick} data-testid={testId} aria-label={label}>
                {narrow ? null : label}
              </Button>
            ))}
          </Space>
        </Header>
        <Content className="gk-content" style={{ margin: 16 }}>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
